import { ClassTable } from '../class-table';
import type { SerializedObject } from '../serializable';
import { Regularizer } from './regularizer';
import { L1, L2, L1L2 } from './norms';

export { Regularizer, L1, L2, L1L2 };

/** A regularizer, by instance, by name (`'l2'`, `'L1L2'`) or serialized as `{className, config}`. */
export type RegularizerIdentifier = Regularizer | string | SerializedObject;

/** Every built-in regularizer, under its Keras class name ('l1', 'l2', 'l1_l2' work too). */
export const regularizers = new ClassTable<Regularizer>('regularizer', Regularizer);
regularizers.register(L1, L2, L1L2);

/**
 * Resolves a {@link RegularizerIdentifier} to an instance (`new L2()` for `'l2'`).
 *
 * @example
 * ```ts
 * getRegularizer('l2'); // an L2 of factor 0.01
 * ```
 */
export function getRegularizer(id: RegularizerIdentifier): Regularizer {
  return regularizers.get(id);
}
