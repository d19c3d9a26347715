import { opError, fmtShape } from '../../errors';
import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { intList, withTemps } from './args';
import { runAxiswise } from './axiswise';
import { composed } from '../../kernels/scratch';

/** The op of {@link broadcastTo}: its shape rule and kernel, the key of its gradient rule. */
export const broadcastToOp = defineOp<{
  /** The shape to broadcast to. */
  shape: number[];
}>({
  name: 'broadcastTo',
  infer: ([x], { shape }) => {
    const offset = shape.length - x.shape.length;
    const fits = offset >= 0 && x.shape.every((d, i) => d === null || d === 1 || d === shape[i + offset]);
    if (!fits) {
      throw opError(
        'broadcastTo',
        `x of shape ${fmtShape(x.shape)} cannot be broadcast to ${fmtShape(shape)}: aligned from the right, each axis of x must be 1 or equal to the target's`,
      );
    }
    return { shape, dtype: x.dtype };
  },
  kernel: (ctx, [x], { shape }, [out]) =>
    composed(ctx, (s) => {
      const padded = [...new Array<number>(shape.length - x.shape.length).fill(1), ...x.shape];
      const reps = shape.map((d, i) => (padded[i] === d ? 1 : d));
      return runAxiswise(
        s,
        s.reshape(x, padded),
        reps.map((r) => r !== 1),
        out.shape,
        (w, axes) => s.run('Tile', { x: w }, { reps: axes.map((a) => (a < 0 ? 1 : reps[a])) }),
      );
    }),
});

/**
 * Repeats x along its size-1 (and missing leading) axes to reach `shape`, as NumPy broadcasting does.
 * @example
 * ```ts
 * broadcastTo(tensor([1, 2]), [2, 2]); // [[1, 2], [1, 2]]
 * ```
 */
export function broadcastTo(x: OpInput, shape: readonly number[]): Tensor {
  return withTemps((temps) => {
    const t = toTensor(x, 'broadcastTo', 'x', temps);
    return runOp(
      broadcastToOp,
      [t],
      { shape: intList('broadcastTo', 'shape', shape, 0, 'non-negative integers') },
      temps,
    );
  });
}
