import type { OpInput } from '../../convert';
import { composed } from '../../kernels/scratch';
import { defineOp } from '../../op';
import type { Tensor } from '../../tensor';
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
  kernel: (ctx, [x], { axis }) =>
    composed(ctx, (s) => {
      const input = s.float(x);
      if (axis.length === 0) return input;
      const peak = s.run('Max', { x: input }, { reductionIndices: axis, keepDims: true });
      const shifted = s.run('Exp', { x: s.run('Sub', { a: input, b: peak }) });
      const total = s.run('Sum', { x: shifted }, { axis, keepDims: true });
      const finiteResult = s.run('Add', { a: s.run('Log', { x: total }), b: peak });
      return s.run('Select', { condition: s.run('IsFinite', { x: peak }), t: finiteResult, e: peak });
    }),
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
