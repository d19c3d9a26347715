// The `constraints` namespace, as keras.constraints: the Constraint base class, the built-in ones, and `get` (by
// instance, name or config).
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import * as L from '@strata/layers';

export namespace constraints {
  export const Constraint = L.Constraint;
  export type Constraint = L.Constraint;
  export const MaxNorm = L.MaxNorm;
  export type MaxNorm = L.MaxNorm;
  export const MinMaxNorm = L.MinMaxNorm;
  export type MinMaxNorm = L.MinMaxNorm;
  export const NonNeg = L.NonNeg;
  export type NonNeg = L.NonNeg;
  export const UnitNorm = L.UnitNorm;
  export type UnitNorm = L.UnitNorm;
  export const get = L.getConstraint;
  export type ConstraintIdentifier = L.ConstraintIdentifier;
}
