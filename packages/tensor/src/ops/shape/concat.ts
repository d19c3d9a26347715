import type { TensorInfo } from '../../backend';
import { opError, fmtShape } from '../../errors';
import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import { normalizeAxis, sizeOf, type Dim } from '../../shape';
import type { Tensor } from '../../tensor';
import { dimsAgree, knownDim, sameDtype, toTensorList, withTemps } from './args';
import { reshapeInfo } from './kernel-utils';

/** The op of {@link concat}: its shape rule and kernel, the key of its gradient rule. */
export const concatOp = defineOp<{
  /** The axis to join along, non-negative. */
  axis: number;
}>({
  name: 'concat',
  // Empty inputs are dropped in the kernel: beside non-empty ones they contribute nothing.
  handlesEmpty: true,
  infer: (inputs, { axis }) => {
    const dtype = sameDtype('concat', inputs);
    const first = inputs[0].shape;
    if (first.length === 0)
      throw opError('concat', 'cannot concatenate rank-0 tensors (scalars); use stack, or reshape them to [1] first');
    const shape: Dim[] = [...first];
    inputs.forEach(({ shape: s }, i) => {
      if (s.length !== first.length) {
        throw opError(
          'concat',
          `all inputs must have the same rank: input 0 has shape ${fmtShape(first)}, input ${i} has shape ${fmtShape(s)}`,
        );
      }
      const bad = s.findIndex((d, a) => a !== axis && !dimsAgree(d, shape[a]));
      if (bad >= 0)
        throw opError(
          'concat',
          `inputs 0 and ${i} differ on axis ${bad}: shapes ${fmtShape(first)} and ${fmtShape(s)} (only axis ${axis} may differ)`,
        );
      s.forEach((d, a) => {
        if (a !== axis) shape[a] = knownDim(shape[a], d);
      });
    });
    const along = inputs.map((t) => t.shape[axis]);
    shape[axis] = along.includes(null) ? null : (along as number[]).reduce((a, b) => a + b, 0);
    return { shape, dtype };
  },
  kernel: (ctx, inputs, { axis }, [out]) => {
    const nonEmpty = inputs.filter((t) => sizeOf(t.shape) > 0);
    if (nonEmpty.length === 1) return reshapeInfo(ctx, nonEmpty[0], out.shape);
    // tfjs's Concat takes its inputs as an array, not a map of names.
    return ctx.run('Concat', nonEmpty as unknown as Record<string, TensorInfo>, { axis });
  },
});

/**
 * Joins tensors along an existing axis (negative counts from the end); the other axes must match.
 * @example
 * ```ts
 * concat([tensor([[1, 2]]), tensor([[3, 4]])], 0); // [[1, 2], [3, 4]]
 * ```
 */
export function concat(tensors: readonly OpInput[], axis = 0): Tensor {
  return withTemps((temps) => {
    const ts = toTensorList(tensors, 'concat', temps);
    const rank = ts[0].shape.length;
    return runOp(concatOp, ts, { axis: rank === 0 ? 0 : normalizeAxis('concat', axis, rank) }, temps);
  });
}
