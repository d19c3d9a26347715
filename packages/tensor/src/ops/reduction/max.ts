import type { OpInput } from '../../convert';
import type { DType } from '../../dtype';
import type { Tensor } from '../../tensor';
import { boolAsInt, callReduction, reductionDef } from './define';

/** The smallest value of `dtype`: the max of nothing (-inf for floats, as the identity of max). */
const lowest = (d: DType): number => (d === 'float32' ? -Infinity : d === 'int32' ? -2147483648 : 0);

// bool goes in as int32: webgpu's Max returns int32 for bool on its GPU path and bool on its CPU path.
/** The op of {@link max}: its shape rule and kernel, the key of its gradient rule. */
export const maxOp = reductionDef('max', {
  kernelName: 'Max',
  axisAttr: 'reductionIndices',
  compute: boolAsInt,
  result: (d) => d,
  identity: lowest,
});

/**
 * The largest value over `axis` (all axes if omitted); NaN if the values contain NaN, -inf over nothing.
 * @example
 * ```ts
 * max(tensor([[1, 5], [3, 4]])); // 5
 * ```
 */
export function max(x: OpInput, axis?: number | readonly number[] | null, keepDims = false): Tensor {
  return callReduction(maxOp, x, axis, keepDims);
}
