// The `constraints` namespace, as keras.constraints: the Constraint base class, the built-in ones, and `get` (by
// instance, name or config).
// Each name is declared here (not re-exported) so that the bundled .d.ts keeps it a type where it is one.
import {
  Constraint as Constraint_,
  MaxNorm as MaxNorm_,
  MinMaxNorm as MinMaxNorm_,
  NonNeg as NonNeg_,
  UnitNorm as UnitNorm_,
  getConstraint as get_,
} from '@strata/layers';
import type { ConstraintIdentifier as ConstraintIdentifier_ } from '@strata/layers';

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
