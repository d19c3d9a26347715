import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { boolAsInt, callReduction, reductionDef } from './define';

/** The op of {@link sum}: its shape rule and kernel, the key of its gradient rule. */
export const sumOp = reductionDef('sum', {
  kernelName: 'Sum',
  compute: boolAsInt,
  result: boolAsInt,
  identity: () => 0,
});

/**
 * Sums over `axis` (all axes if omitted); bools are counted as int32, int32 stays int32.
 * @example
 * ```ts
 * sum(tensor([[1, 2], [3, 4]]), 0); // [4, 6]
 * ```
 */
export function sum(x: OpInput, axis?: number | readonly number[] | null, keepDims = false): Tensor {
  return callReduction(sumOp, x, axis, keepDims);
}
