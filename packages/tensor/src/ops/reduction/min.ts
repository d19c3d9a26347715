import type { OpInput } from '../../convert';
import type { DType } from '../../dtype';
import type { Tensor } from '../../tensor';
import { boolAsInt, callReduction, reductionDef } from './define';

/** The largest value of `dtype`: the min of nothing (+inf for floats, as the identity of min). */
const highest = (d: DType): number => (d === 'float32' ? Infinity : d === 'int32' ? 2147483647 : 1);

// bool goes in as int32 for the same reason as in max.
/** The op of {@link min}: its shape rule and kernel, the key of its gradient rule. */
export const minOp = reductionDef('min', {
  kernelName: 'Min',
  compute: boolAsInt,
  result: (d) => d,
  identity: highest,
});

/**
 * The smallest value over `axis` (all axes if omitted); NaN if the values contain NaN, +inf over nothing.
 * @example
 * ```ts
 * min(tensor([[1, 5], [3, 4]]), 1); // [1, 3]
 * ```
 */
export function min(x: OpInput, axis?: number | readonly number[] | null, keepDims = false): Tensor {
  return callReduction(minOp, x, axis, keepDims);
}
