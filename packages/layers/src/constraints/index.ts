import { ClassTable } from '../class-table';
import type { SerializedObject } from '../serializable';
import { Constraint } from './constraint';
import { MaxNorm, MinMaxNorm, NonNeg, UnitNorm } from './norms';

export { Constraint, MaxNorm, MinMaxNorm, NonNeg, UnitNorm };

/**
 * A constraint, by instance, by name (`'maxNorm'`, `'max_norm'`, `'MaxNorm'`) or serialized as `{className, config}`.
 */
export type ConstraintIdentifier = Constraint | string | SerializedObject;

/** Every built-in constraint, under its Keras class name ('max_norm', 'non_neg', ... work too). */
export const constraints = new ClassTable<Constraint>('constraint', Constraint);
constraints.register(MaxNorm, MinMaxNorm, NonNeg, UnitNorm);

/**
 * Resolves a {@link ConstraintIdentifier} to an instance (`new MaxNorm()` for `'max_norm'`).
 *
 * @example
 * ```ts
 * getConstraint('non_neg'); // a NonNeg
 * ```
 */
export function getConstraint(id: ConstraintIdentifier): Constraint {
  return constraints.get(id);
}
