import { ClassTable } from '../class-table';
import type { SerializedObject } from '../serializable';
import { Constraint } from './constraint';

export { Constraint };

export type ConstraintIdentifier = Constraint | string | SerializedObject;

/** Every built-in constraint, under its Keras class name. */
export const constraints = new ClassTable<Constraint>('constraint', Constraint);

export function getConstraint(id: ConstraintIdentifier): Constraint {
  return constraints.get(id);
}
