// The `constraints` namespace, as keras.constraints: the Constraint base class, the built-in ones, and `get` (by
// instance, name or config).
export {
  Constraint,
  MaxNorm,
  MinMaxNorm,
  NonNeg,
  UnitNorm,
  type ConstraintIdentifier,
  getConstraint as get,
} from '@strata/layers';
