import type { TensorInfo } from '../../backend';
import type { OpInput } from '../../convert';
import { defineOp } from '../../op';
import type { Tensor } from '../../tensor';
import { castInfo } from '../elementwise/define';
import { callReduction, reducedShape, type ReduceAttrs } from './define';

/**
 * Shifted by the maximum, so exp never overflows and the sum is at least 1 (no log(0)). Where the
 * maximum is not finite it is the answer itself: NaN if any value is NaN, +inf if one is +inf, -inf
 * if all are -inf. That case is selected from the maximum rather than computed, because inf - inf
 * is NaN and webgpu's exp/log/sum do not keep NaN and infinities (SwiftShader's log(0) is -88).
 */
export const logSumExpOp = defineOp<ReduceAttrs>({
  name: 'logSumExp',
  infer: ([x], { axis, keepDims }) => ({ shape: reducedShape(x.shape, axis, keepDims), dtype: 'float32' }),
  kernel: (ctx, [x], { axis }) => {
    const [input, cast] = castInfo(ctx, x, 'float32');
    if (axis.length === 0) return cast ? input : ctx.run('Identity', { x: input });
    const temps: TensorInfo[] = cast ? [input] : [];
    const keep = (info: TensorInfo): TensorInfo => (temps.push(info), info);
    const peak = keep(ctx.run('Max', { x: input }, { reductionIndices: axis, keepDims: true }));
    const shifted = keep(ctx.run('Exp', { x: keep(ctx.run('Sub', { a: input, b: peak })) }));
    const total = keep(ctx.run('Sum', { x: shifted }, { axis, keepDims: true }));
    const finiteResult = keep(ctx.run('Add', { a: keep(ctx.run('Log', { x: total })), b: peak }));
    const out = ctx.run('Select', { condition: keep(ctx.run('IsFinite', { x: peak })), t: finiteResult, e: peak });
    for (const t of temps) ctx.free(t);
    return out;
  },
  // log(0): the sum of no exponentials is 0.
  empty: () => [-Infinity],
});

/**
 * log(sum(exp(x))) over `axis` (all axes if omitted), computed stably; float32. -inf over nothing.
 * @example
 * ```ts
 * logSumExp(tensor([0, 0])); // 0.6931
 * ```
 */
export function logSumExp(x: OpInput, axis?: number | readonly number[] | null, keepDims = false): Tensor {
  return callReduction(logSumExpOp, x, axis, keepDims);
}
