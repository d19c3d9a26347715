import { opError, fmtShape } from '../../errors';
import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import { normalizeAxes } from '../../shape';
import type { Tensor } from '../../tensor';
import { withTemps } from './args';
import { runAxiswise } from './axiswise';
import { reshapeInfo } from './kernel-utils';
import { composed } from '../../kernels/scratch';

/** The op of {@link reverse}: its shape rule and kernel, the key of its gradient rule. */
export const reverseOp = defineOp<{
  /** The axes to reverse, non-negative. */
  axis: number[];
}>({
  name: 'reverse',
  infer: ([x], { axis }) => {
    const bad = axis.find((a) => !Number.isInteger(a) || a < 0 || a >= x.shape.length);
    if (bad !== undefined) throw opError('reverse', `axis ${bad} is out of range for x of shape ${fmtShape(x.shape)}`);
    return { shape: x.shape, dtype: x.dtype };
  },
  kernel: (ctx, [x], { axis }, [out]) => {
    if (axis.length === 0) return reshapeInfo(ctx, x, out.shape);
    return composed(ctx, (s) => {
      // wasm's Reverse moves 4-byte elements whatever the dtype, which scrambles 1-byte bools.
      const numeric = s.cast(x, x.dtype === 'bool' ? 'int32' : x.dtype);
      const reversed = runAxiswise(
        s,
        numeric,
        numeric.shape.map((_, i) => axis.includes(i)),
        out.shape,
        (view, axes) => s.run('Reverse', { x: view }, { dims: axes.flatMap((a, i) => (a < 0 ? [] : [i])) }),
      );
      return s.cast(reversed, x.dtype);
    });
  },
});

/**
 * Reverses the order of elements along `axis` (one axis, a list, or all axes if omitted).
 * @example
 * ```ts
 * reverse(tensor([1, 2, 3])); // [3, 2, 1]
 * ```
 */
export function reverse(x: OpInput, axis?: number | readonly number[]): Tensor {
  return withTemps((temps) => {
    const t = toTensor(x, 'reverse', 'x', temps);
    const rank = t.shape.length;
    const axes = normalizeAxes('reverse', axis, rank);
    // A scalar has nothing to reverse; normalizeAxes still validated the axis.
    return runOp(reverseOp, [t], { axis: rank === 0 ? [] : axes }, temps);
  });
}
