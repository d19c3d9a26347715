import { opError, fmtShape } from '../../errors';
import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import { normalizeAxes } from '../../shape';
import type { Tensor } from '../../tensor';
import { withTemps } from './args';
import { reshapeInfo } from './kernel-utils';

/** The op of {@link squeeze}: its shape rule and kernel, the key of its gradient rule. */
export const squeezeOp = defineOp<{
  /** The axes of size 1 to drop, non-negative. */
  axis: number[];
}>({
  name: 'squeeze',
  infer: ([x], { axis }) => {
    for (const a of axis) {
      if (!Number.isInteger(a) || a < 0 || a >= x.shape.length)
        throw opError('squeeze', `axis ${a} is out of range for x of shape ${fmtShape(x.shape)}`);
      const d = x.shape[a];
      if (d !== 1 && d !== null)
        throw opError('squeeze', `cannot squeeze axis ${a} of x (shape ${fmtShape(x.shape)}): its size is ${d}, not 1`);
    }
    return { shape: x.shape.filter((_, i) => !axis.includes(i)), dtype: x.dtype };
  },
  kernel: (ctx, [x], _attrs, [out]) => reshapeInfo(ctx, x, out.shape),
});

/**
 * Removes axes of size 1: those listed in `axis` (negative counts from the end), or all of them.
 * Without `axis` every dimension must be known, since the result's rank depends on them.
 * @example
 * ```ts
 * squeeze(tensor([[1], [2]])); // [1, 2]
 * ```
 */
export function squeeze(x: OpInput, axis?: number | readonly number[]): Tensor {
  return withTemps((temps) => {
    const t = toTensor(x, 'squeeze', 'x', temps);
    if (axis === undefined && t.shape.some((d) => d === null)) {
      throw opError(
        'squeeze',
        `x has unknown dimensions (shape ${fmtShape(t.shape)}); pass axis so that the rank of the result is known`,
      );
    }
    const axes =
      axis === undefined
        ? t.shape.flatMap((d, i) => (d === 1 ? [i] : []))
        : normalizeAxes('squeeze', axis, t.shape.length);
    return runOp(squeezeOp, [t], { axis: axes }, temps);
  });
}
