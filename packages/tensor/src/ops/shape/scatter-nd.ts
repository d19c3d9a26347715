import type { TensorInfo } from '../../backend';
import { opError, fmtShape } from '../../errors';
import { defineOp, runOp, type KernelContext } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import { sizeOf } from '../../shape';
import type { Tensor } from '../../tensor';
import { dimsAgree, intList, toIndexTensor, withTemps } from './args';
import { guardIndices, zeroInvalid } from './indices';
import { reshapeInfo, chain } from './kernel-utils';

/** Sums numeric `updates` into a zero tensor of `shape` at the index rows of `indices` ([..., k], k > 0). */
function scatterRows(ctx: KernelContext, indices: TensorInfo, updates: TensorInfo, shape: number[]): TensorInfo {
  const k = indices.shape[indices.shape.length - 1];
  const rows = sizeOf(indices.shape) / k;
  const range = { op: 'scatterND', bounds: shape.slice(0, k), describe: `an output of shape ${fmtShape(shape)}` };
  const guarded = guardIndices(ctx, indices, range, true);
  const flatIndices = chain(ctx, guarded.indices, (i) => reshapeInfo(ctx, i, [rows, k]));
  const flatUpdates = reshapeInfo(ctx, updates, [rows, sizeOf(updates.shape) / rows]);
  let safeUpdates = flatUpdates;
  if (guarded.valid) {
    const valid = chain(ctx, guarded.valid, (v) => reshapeInfo(ctx, v, [rows]));
    safeUpdates = zeroInvalid(ctx, flatUpdates, valid, [rows, 1]);
    [valid, flatUpdates].forEach((t) => ctx.free(t));
  }
  const out = ctx.run('ScatterNd', { indices: flatIndices, updates: safeUpdates }, { shape });
  [flatIndices, safeUpdates].forEach((t) => ctx.free(t));
  return out;
}

/** With index rows of length 0 every row addresses the whole output: it is the sum of the updates. */
function sumAll(ctx: KernelContext, updates: TensorInfo, rows: number, shape: number[]): TensorInfo {
  const flat = reshapeInfo(ctx, updates, [rows, sizeOf(updates.shape) / rows]);
  const sum = chain(ctx, flat, (f) => ctx.run('Sum', { x: f }, { axis: [0], keepDims: false }));
  return chain(ctx, sum, (s) => reshapeInfo(ctx, s, shape));
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
    // Bools are scattered as int32 (atomic adds need numbers), so duplicate rows OR together.
    const numeric =
      updates.dtype === 'bool'
        ? ctx.run('Cast', { x: updates }, { dtype: 'int32' })
        : reshapeInfo(ctx, updates, updates.shape);
    let out: TensorInfo;
    try {
      out = k === 0 ? sumAll(ctx, numeric, rows, shape) : scatterRows(ctx, indices, numeric, shape);
    } finally {
      ctx.free(numeric);
    }
    if (updates.dtype !== 'bool') return out;
    const zero = ctx.write([0], [], 'int32');
    const asBool = ctx.run('NotEqual', { a: out, b: zero });
    [out, zero].forEach((t) => ctx.free(t));
    return asBool;
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
