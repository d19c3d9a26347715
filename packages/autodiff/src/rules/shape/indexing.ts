import { add, gatherND, range, reshape, scatterND, transpose, unsortedSegmentSum, type Tensor } from '@strata/tensor';
import { gatherNDOp, gatherOp, oneHotOp, scatterNDOp } from '@strata/tensor/internal';
import { nonDifferentiable, rule, type GradientEntry } from '../../registry';

const product = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

/**
 * The gradient of gather: each gathered slice of dy is added back to the row it came from, with
 * unsortedSegmentSum (which every backend has, wasm through a composed kernel). With batch axes,
 * row ids are offset per batch so that one segment sum serves all batches.
 * Shapes: x = [B..., M..., A, N...], indices = [B..., I...], dy = [B..., M..., I..., N...].
 */
function gatherGradient(dy: Tensor, x: Tensor, indices: Tensor, axis: number, batchDims: number): Tensor {
  const B = product(x.shape.slice(0, batchDims));
  const M = product(x.shape.slice(batchDims, axis));
  const A = x.shape[axis];
  const N = product(x.shape.slice(axis + 1));
  const I = product(indices.shape.slice(batchDims));
  const rows = reshape(transpose(reshape(dy, [B, M, I, N]), [0, 2, 1, 3]), [B * I, M, N]);
  const batchOffsets = reshape(range(0, B * A, A, 'int32'), [B, 1]);
  const ids = reshape(add(reshape(indices, [B, I]), batchOffsets), [B * I]);
  const summed = reshape(unsortedSegmentSum(rows, ids, B * A), [B, A, M, N]);
  return reshape(transpose(summed, [0, 2, 1, 3]), x.shape);
}

export const indexingRules: readonly [string, GradientEntry][] = [
  rule(gatherOp, (dy, { inputs: [x, indices], attrs: { axis, batchDims } }) => [
    () => gatherGradient(dy, x, indices, axis, batchDims),
    null,
  ]),
  // Duplicate indices gather the same element twice: scatterND sums them back, as the gradient must.
  rule(gatherNDOp, (dy, { inputs: [x, indices] }) => [() => scatterND(indices, dy, x.shape), null]),
  rule(scatterNDOp, (dy, { inputs: [indices] }) => [null, () => gatherND(dy, indices)]),
  nonDifferentiable(oneHotOp, 'its input is integer indices'),
];
