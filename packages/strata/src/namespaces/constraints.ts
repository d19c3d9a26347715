// The `constraints` namespace, as keras.constraints: the Constraint base class, the built-in ones, and `get` (by
// instance, name or config).
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import {
  Constraint as Constraint_,
  MaxNorm as MaxNorm_,
  MinMaxNorm as MinMaxNorm_,
  NonNeg as NonNeg_,
  UnitNorm as UnitNorm_,
  getConstraint as get_,
} from '@strata/layers';
import type { ConstraintIdentifier as ConstraintIdentifier_ } from '@strata/layers';

export namespace constraints {
  export const Constraint = Constraint_;
  export type Constraint = Constraint_;
  export const MaxNorm = MaxNorm_;
  export type MaxNorm = MaxNorm_;
  export const MinMaxNorm = MinMaxNorm_;
  export type MinMaxNorm = MinMaxNorm_;
  export const NonNeg = NonNeg_;
  export type NonNeg = NonNeg_;
  export const UnitNorm = UnitNorm_;
  export type UnitNorm = UnitNorm_;
  export const get = get_;
  export type ConstraintIdentifier = ConstraintIdentifier_;
}
