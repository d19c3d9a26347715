import { ClassTable } from '../class-table';
import type { SerializedObject } from '../serializable';
import { Regularizer } from './regularizer';

export { Regularizer };

export type RegularizerIdentifier = Regularizer | string | SerializedObject;

/** Every built-in regularizer, under its Keras class name. */
export const regularizers = new ClassTable<Regularizer>('regularizer', Regularizer);

export function getRegularizer(id: RegularizerIdentifier): Regularizer {
  return regularizers.get(id);
}
