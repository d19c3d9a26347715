import type { TensorInfo } from '../../backend';
import { opError, fmtShape } from '../../errors';
import { composed, type Scratch } from '../../kernels/scratch';
import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import { sizeOf } from '../../shape';
import type { Tensor } from '../../tensor';
import { dimsAgree, intList, toIndexTensor, withTemps } from './args';
import { guardIndices, zeroInvalid } from './indices';

/** Sums numeric `updates` into a zero tensor of `shape` at the index rows of `indices` ([..., k], k > 0). */
function scatterRows(s: Scratch, indices: TensorInfo, updates: TensorInfo, shape: number[]): TensorInfo {
  const k = indices.shape[indices.shape.length - 1];
  const rows = sizeOf(indices.shape) / k;
  const range = { op: 'scatterND', bounds: shape.slice(0, k), describe: `an output of shape ${fmtShape(shape)}` };
  const guarded = guardIndices(s, indices, range, true);
  const flatUpdates = s.reshape(updates, [rows, sizeOf(updates.shape) / rows]);
  const safeUpdates = guarded.valid
    ? zeroInvalid(s, flatUpdates, s.reshape(guarded.valid, [rows]), [rows, 1])
    : flatUpdates;
  return s.run('ScatterNd', { indices: s.reshape(guarded.indices, [rows, k]), updates: safeUpdates }, { shape });
}

/** With index rows of length 0 every row addresses the whole output: it is the sum of the updates. */
function sumAll(s: Scratch, updates: TensorInfo, rows: number, shape: number[]): TensorInfo {
  const flat = s.reshape(updates, [rows, sizeOf(updates.shape) / rows]);
  return s.reshape(s.run('Sum', { x: flat }, { axis: [0], keepDims: false }), shape);
}

/** The op of {@link scatterND}: its shape rule and kernel, the key of its gradient rule. */
export const scatterNDOp = defineOp<{
  /** The output shape. */
  shape: number[];
}>({
  name: 'scatterND',
  // Rows of length 0 make indices empty while the updates still add up into the result.
  handlesEmpty: true,
  infer: ([indices, updates], { shape }) => {
    if (indices.dtype !== 'int32') throw opError('scatterND', `indices must be int32, received ${indices.dtype}`);
    if (indices.shape.length === 0)
      throw opError(
        'scatterND',
        'indices must have rank 1 or more (its last axis holds index rows), received a scalar',
      );
    const k = indices.shape[indices.shape.length - 1];
    if (k === null)
      throw opError('scatterND', `the last axis of indices (shape ${fmtShape(indices.shape)}) must have a known size`);
    if (k > shape.length)
      throw opError(
        'scatterND',
        `index rows have ${k} entries (indices shape ${fmtShape(indices.shape)}) but the output shape ${fmtShape(shape)} has only ${shape.length} axes`,
      );
    const expected = [...indices.shape.slice(0, -1), ...shape.slice(k)];
    if (updates.shape.length !== expected.length || updates.shape.some((d, i) => !dimsAgree(d, expected[i]))) {
      throw opError(
        'scatterND',
        `updates must have shape indices.shape[:-1] + shape[${k}:] = ${fmtShape(expected)}, received ${fmtShape(updates.shape)}`,
      );
    }
    return { shape, dtype: updates.dtype };
  },
  kernel: (ctx, [indices, updates], { shape }) => {
    const k = indices.shape[indices.shape.length - 1];
    const rows = sizeOf(indices.shape.slice(0, -1));
    if (rows === 0) return ctx.run('Fill', {}, { shape, value: 0, dtype: updates.dtype });
    return composed(ctx, (s) => {
      // Bools are scattered as int32 (atomic adds need numbers), so duplicate rows OR together.
      const numeric = s.cast(updates, updates.dtype === 'bool' ? 'int32' : updates.dtype);
      const out = k === 0 ? sumAll(s, numeric, rows, shape) : scatterRows(s, indices, numeric, shape);
      return updates.dtype === 'bool' ? s.run('NotEqual', { a: out, b: s.scalar(0, 'int32') }) : out;
    });
  },
});

/**
 * A zero tensor of `shape` with `updates` added at index rows: the last axis of `indices` (int32)
 * holds rows of k indices into the first k axes, and updates has shape
 * indices.shape[:-1] + shape[k:]. Duplicate rows add up (bools: OR). Out-of-range rows raise an
 * error on backends that read synchronously (cpu, wasm) and are dropped on those that cannot
 * (webgpu). Rank-1 indices are one row, as in TensorFlow (tfjs reads them as rows of length 1).
 * @example
 * ```ts
 * scatterND([[1], [3]], tensor([9, 8]), [4]); // [0, 9, 0, 8]
 * ```
 */
export function scatterND(indices: OpInput, updates: OpInput, shape: readonly number[]): Tensor {
  return withTemps((temps) => {
    const s = intList('scatterND', 'shape', shape, 0, 'non-negative integers');
    const i = toIndexTensor(indices, 'scatterND', 'indices', temps);
    const u = toTensor(updates, 'scatterND', 'updates', temps);
    return runOp(scatterNDOp, [i, u], { shape: s }, temps);
  });
}
