import { opError, fmtShape } from '../../errors';
import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { intList, withTemps } from './args';
import { runAxiswise } from './axiswise';
import { composed } from '../../kernels/scratch';

/** The op of {@link tile}: its shape rule and kernel, the key of its gradient rule. */
export const tileOp = defineOp<{
  /** How many copies along each axis. */
  reps: number[];
}>({
  name: 'tile',
  infer: ([x], { reps }) => {
    if (reps.length !== x.shape.length) {
      throw opError(
        'tile',
        `reps must have one entry per axis of x (shape ${fmtShape(x.shape)}), received ${fmtShape(reps)}`,
      );
    }
    return { shape: x.shape.map((d, i) => (reps[i] === 0 ? 0 : d === null ? null : d * reps[i])), dtype: x.dtype };
  },
  kernel: (ctx, [x], { reps }, [out]) =>
    composed(ctx, (s) =>
      runAxiswise(
        s,
        x,
        reps.map((r) => r !== 1),
        out.shape,
        (view, axes) => s.run('Tile', { x: view }, { reps: axes.map((a) => (a < 0 ? 1 : reps[a])) }),
      ),
    ),
});

/**
 * Repeats x `reps[i]` times along each axis i (reps has one non-negative entry per axis).
 * @example
 * ```ts
 * tile(tensor([1, 2]), [2]); // [1, 2, 1, 2]
 * ```
 */
export function tile(x: OpInput, reps: readonly number[]): Tensor {
  return withTemps((temps) => {
    const t = toTensor(x, 'tile', 'x', temps);
    return runOp(tileOp, [t], { reps: intList('tile', 'reps', reps, 0, 'non-negative integers') }, temps);
  });
}
