import type { TensorInfo } from '../../backend';
import { opError, fmtShape } from '../../errors';
import { composed, type Scratch } from '../../kernels/scratch';
import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import { sizeOf } from '../../shape';
import type { Tensor } from '../../tensor';
import { knownSize, toIndexTensor, withTemps } from './args';
import { runAxiswise } from './axiswise';
import { emptyAxisError, guardIndices, zeroInvalid } from './indices';

/** With index rows of length 0 every row selects all of x: the result is x repeated. */
function repeatWhole(s: Scratch, x: TensorInfo, rows: number, outShape: number[]): TensorInfo {
  const flat = s.reshape(x, [1, sizeOf(x.shape)]);
  const tile = (v: TensorInfo) => s.run('Tile', { x: v }, { reps: [rows, 1] });
  return s.reshape(runAxiswise(s, flat, [true, false], [rows, flat.shape[1]], tile), outShape);
}

/** The op of {@link gatherND}: its shape rule and kernel, the key of its gradient rule. */
export const gatherNDOp = defineOp({
  name: 'gatherND',
  // Rows of length 0 make indices empty while the result (copies of x) is not.
  handlesEmpty: true,
  infer: ([x, indices]) => {
    if (indices.dtype !== 'int32') throw opError('gatherND', `indices must be int32, received ${indices.dtype}`);
    if (indices.shape.length === 0)
      throw opError('gatherND', 'indices must have rank 1 or more (its last axis holds index rows), received a scalar');
    const k = indices.shape[indices.shape.length - 1];
    if (k === null)
      throw opError('gatherND', `the last axis of indices (shape ${fmtShape(indices.shape)}) must have a known size`);
    if (k > x.shape.length)
      throw opError(
        'gatherND',
        `index rows have ${k} entries (indices shape ${fmtShape(indices.shape)}) but x has only ${x.shape.length} axes (shape ${fmtShape(x.shape)})`,
      );
    const rows = indices.shape.slice(0, -1);
    if (x.shape.slice(0, k).includes(0) && (knownSize(rows) ?? 1) > 0)
      throw emptyAxisError('gatherND', `one of the first ${k} axes`, x.shape);
    return { shape: [...rows, ...x.shape.slice(k)], dtype: x.dtype };
  },
  kernel: (ctx, [x, indices], _attrs, [out]) =>
    composed(ctx, (s) => {
      const k = indices.shape[indices.shape.length - 1];
      const rows = indices.shape.slice(0, -1);
      if (k === 0) return repeatWhole(s, x, sizeOf(rows), out.shape);
      const range = { op: 'gatherND', bounds: x.shape.slice(0, k), describe: `x (shape ${fmtShape(x.shape)})` };
      const guarded = guardIndices(s, indices, range, true);
      const gathered = s.run('GatherNd', { params: x, indices: guarded.indices });
      if (!guarded.valid) return gathered;
      return zeroInvalid(s, gathered, guarded.valid, [...rows, ...x.shape.slice(k).map(() => 1)]);
    }),
});

/**
 * Gathers slices of x at index rows: the last axis of `indices` (int32) holds rows of k indices
 * into the first k axes of x, and the result has shape indices.shape[:-1] + x.shape[k:]. An
 * out-of-range row raises an error on backends that read synchronously (cpu, wasm) and gathers
 * zeros on those that cannot (webgpu).
 * @example
 * ```ts
 * gatherND(tensor([[1, 2], [3, 4]]), [[1, 0]]); // [3]
 * ```
 */
export function gatherND(x: OpInput, indices: OpInput): Tensor {
  return withTemps((temps) => {
    const t = toTensor(x, 'gatherND', 'x', temps);
    const i = toIndexTensor(indices, 'gatherND', 'indices', temps);
    return runOp(gatherNDOp, [t, i], {}, temps);
  });
}
