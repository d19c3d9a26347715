// The `regularizers` namespace, as keras.regularizers: the Regularizer base class, the built-in ones, and `get` (by
// instance, name or config).
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import * as L from '@strata/layers';

export namespace regularizers {
  export const Regularizer = L.Regularizer;
  export type Regularizer = L.Regularizer;
  export const L1 = L.L1;
  export type L1 = L.L1;
  export const L2 = L.L2;
  export type L2 = L.L2;
  export const L1L2 = L.L1L2;
  export type L1L2 = L.L1L2;
  export const get = L.getRegularizer;
  export type RegularizerIdentifier = L.RegularizerIdentifier;
}
