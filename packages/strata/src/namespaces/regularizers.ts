// The `regularizers` namespace, as keras.regularizers: the Regularizer base class, the built-in ones, and `get` (by
// instance, name or config).
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import {
  Regularizer as Regularizer_,
  L1 as L1_,
  L2 as L2_,
  L1L2 as L1L2_,
  getRegularizer as get_,
} from '@strata/layers';
import type { RegularizerIdentifier as RegularizerIdentifier_ } from '@strata/layers';

export namespace regularizers {
  export const Regularizer = Regularizer_;
  export type Regularizer = Regularizer_;
  export const L1 = L1_;
  export type L1 = L1_;
  export const L2 = L2_;
  export type L2 = L2_;
  export const L1L2 = L1L2_;
  export type L1L2 = L1L2_;
  export const get = get_;
  export type RegularizerIdentifier = RegularizerIdentifier_;
}
