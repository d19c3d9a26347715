import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { intIn, withTemps } from './args';
import { reshapeInfo } from './kernel-utils';

/** The op of {@link expandDims}: its shape rule and kernel, the key of its gradient rule. */
export const expandDimsOp = defineOp<{
  /** Where the new axis of size 1 goes, non-negative. */
  axis: number;
}>({
  name: 'expandDims',
  infer: ([x], { axis }) => {
    intIn('expandDims', 'axis', axis, 0, x.shape.length);
    return { shape: [...x.shape.slice(0, axis), 1, ...x.shape.slice(axis)], dtype: x.dtype };
  },
  kernel: (ctx, [x], _attrs, [out]) => reshapeInfo(ctx, x, out.shape),
});

/**
 * Inserts an axis of size 1 at `axis`, in [-(rank+1), rank] (negative counts from the end of the result).
 * @example
 * ```ts
 * expandDims(tensor([1, 2]), 0); // [[1, 2]]
 * ```
 */
export function expandDims(x: OpInput, axis = 0): Tensor {
  return withTemps((temps) => {
    const t = toTensor(x, 'expandDims', 'x', temps);
    const rank = t.shape.length;
    const a = intIn('expandDims', 'axis', axis, -rank - 1, rank, ` for x of rank ${rank}`);
    return runOp(expandDimsOp, [t], { axis: a < 0 ? a + rank + 1 : a }, temps);
  });
}
