import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { callReduction, reductionDef } from './define';

/** Integers and bools are averaged as float32, as NumPy does: an int32 mean is rarely an integer. */
export const meanOp = reductionDef('mean', {
  kernelName: 'Mean',
  compute: () => 'float32',
  result: () => 'float32',
  identity: () => NaN,
});

/**
 * The arithmetic mean over `axis` (all axes if omitted); always float32. The mean of nothing is NaN.
 * @example
 * ```ts
 * mean(tensor([[1, 2], [3, 4]]), 1); // [1.5, 3.5]
 * ```
 */
export function mean(x: OpInput, axis?: number | readonly number[] | null, keepDims = false): Tensor {
  return callReduction(meanOp, x, axis, keepDims);
}
