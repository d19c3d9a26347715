import { opError, fmtShape } from '../../errors';
import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import { dimsAgree, intIn, knownDim, knownSize, toIndexTensor, withTemps } from './args';
import type { Tensor } from '../../tensor';
import { emptyAxisError, guardIndices, zeroInvalid } from './indices';
import { composed } from '../../kernels/scratch';

/** The attributes of {@link gather}. */
export interface GatherAttrs {
  /** The axis of x indexed, non-negative. */
  axis: number;
  /** How many leading axes x and indices share (gathered per batch entry). */
  batchDims: number;
}

/** The op of {@link gather}: its shape rule and kernel, the key of its gradient rule. */
export const gatherOp = defineOp<GatherAttrs>({
  name: 'gather',
  infer: ([x, indices], { axis, batchDims }) => {
    if (indices.dtype !== 'int32') throw opError('gather', `indices must be int32, received ${indices.dtype}`);
    if (axis < 0 || axis >= x.shape.length)
      throw opError('gather', `axis ${axis} is out of range for x of shape ${fmtShape(x.shape)}`);
    if (batchDims < 0 || batchDims > axis || batchDims > indices.shape.length) {
      throw opError(
        'gather',
        `batchDims must be in [0, min(axis, rank of indices)] = [0, ${Math.min(axis, indices.shape.length)}], received ${batchDims}`,
      );
    }
    for (let i = 0; i < batchDims; i++) {
      if (!dimsAgree(x.shape[i], indices.shape[i])) {
        throw opError(
          'gather',
          `the first ${batchDims} (batchDims) axes of x and indices must match: x has shape ${fmtShape(x.shape)}, indices ${fmtShape(indices.shape)}`,
        );
      }
    }
    if (x.shape[axis] === 0 && (knownSize(indices.shape) ?? 1) > 0)
      throw emptyAxisError('gather', `axis ${axis}`, x.shape);
    const outer = x.shape.slice(0, axis).map((d, i) => (i < batchDims ? knownDim(d, indices.shape[i]) : d));
    return { shape: [...outer, ...indices.shape.slice(batchDims), ...x.shape.slice(axis + 1)], dtype: x.dtype };
  },
  kernel: (ctx, [x, indices], { axis, batchDims }) =>
    composed(ctx, (s) => {
      const range = {
        op: 'gather',
        bounds: [x.shape[axis]],
        describe: `axis ${axis} of x (shape ${fmtShape(x.shape)})`,
      };
      const guarded = guardIndices(s, indices, range, false);
      const gathered = s.run('GatherV2', { x, indices: guarded.indices }, { axis, batchDims });
      if (!guarded.valid) return gathered;
      const ones = (n: number) => new Array<number>(n).fill(1);
      const validShape = [
        ...indices.shape.slice(0, batchDims),
        ...ones(axis - batchDims),
        ...indices.shape.slice(batchDims),
        ...ones(x.shape.length - axis - 1),
      ];
      return zeroInvalid(s, gathered, guarded.valid, validShape);
    }),
});

/**
 * Takes the slices of x at `indices` along `axis`: the result has shape
 * x.shape[:axis] + indices.shape[batchDims:] + x.shape[axis+1:]. With batchDims = b, the first b
 * axes of x and indices are batch axes, gathered pairwise. Indices must be int32 in
 * [0, x.shape[axis]); an out-of-range index raises an error on backends that read synchronously
 * (cpu, wasm) and gathers zeros on those that cannot (webgpu).
 * @example
 * ```ts
 * gather(tensor([10, 20, 30]), [2, 0]); // [30, 10]
 * ```
 */
export function gather(x: OpInput, indices: OpInput, axis = 0, batchDims = 0): Tensor {
  return withTemps((temps) => {
    const t = toTensor(x, 'gather', 'x', temps);
    const i = toIndexTensor(indices, 'gather', 'indices', temps);
    const rank = t.shape.length;
    if (rank === 0) throw opError('gather', 'x must have rank 1 or more, received a scalar');
    const a = intIn('gather', 'axis', axis, -rank, rank - 1, ` for x of shape ${fmtShape(t.shape)}`);
    const iRank = i.shape.length;
    const b = intIn('gather', 'batchDims', batchDims, -iRank, iRank, ` for indices of shape ${fmtShape(i.shape)}`);
    return runOp(gatherOp, [t, i], { axis: a < 0 ? a + rank : a, batchDims: b < 0 ? b + iRank : b }, temps);
  });
}
