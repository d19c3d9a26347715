import { expandDims, matmul, reshape, squeeze, transpose, type Dim, type Tensor } from '@strata/tensor';
import { LayerError } from '../../errors';

/** Moves axis `from` of a rank-`rank` tensor to position `to`, keeping the others in order. */
function movePerm(rank: number, from: number, to: number): number[] {
  const others = [...Array(rank).keys()].filter((i) => i !== from);
  others.splice(to, 0, from);
  return others;
}

/** A reshape target with the batch axis first: -1 stands for the one unknown size, if any. */
function target(layer: string, dims: Dim[]): number[] {
  const unknown = dims.filter((d) => d === null).length;
  if (unknown > 1)
    throw new LayerError(
      `${layer}: cannot reshape for a batched dot with more than one unknown size (${JSON.stringify(dims)}); give the model input fixed sizes after the batch axis`,
    );
  return dims.map((d) => (d === null ? -1 : d));
}

/**
 * Keras's batch_dot: for each example, the sum of products over `x`'s axis `axes[0]` and `y`'s axis
 * `axes[1]` (both after the batch axis). The result holds x's remaining axes then y's; a rank-1
 * result per example becomes [batch, 1]. Built on one plain matmul (no transposed operands, which
 * the wasm backend runs far slower).
 */
export function batchDot(layer: string, x: Tensor, y: Tensor, axes: [number, number]): Tensor {
  const [xRank, yRank] = [x.shape.length, y.shape.length];
  let [a0, a1] = axes;
  let [x3, y3] = [x, y];
  if (xRank === 2) [x3, a0] = [expandDims(x, 1), a0 + 1];
  if (yRank === 2) y3 = expandDims(y, 2);
  // x: [batch, ...rows, k]; y: [batch, k, ...columns].
  if (a0 !== x3.shape.length - 1) x3 = transpose(x3, movePerm(x3.shape.length, a0, x3.shape.length - 1));
  if (a1 !== 1) y3 = transpose(y3, movePerm(y3.shape.length, a1, 1));
  const rows = x3.shape.slice(1, -1);
  const columns = y3.shape.slice(2);
  const batch = x3.shape[0] ?? y3.shape[0];
  if (rows.length > 1) x3 = reshape(x3, target(layer, [batch, product(rows), x3.shape[x3.shape.length - 1]]));
  if (columns.length > 1) y3 = reshape(y3, target(layer, [batch, y3.shape[1], product(columns)]));
  let out = matmul(x3, y3);
  if (rows.length > 1 || columns.length > 1) out = reshape(out, target(layer, [batch, ...rows, ...columns]));
  if (xRank === 2) return squeeze(out, 1);
  if (yRank === 2) return squeeze(out, -1);
  return out;
}

function product(dims: Dim[]): Dim {
  return dims.some((d) => d === null) ? null : (dims as number[]).reduce((a, b) => a * b, 1);
}
