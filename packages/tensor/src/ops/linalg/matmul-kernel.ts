import type { TensorInfo } from '../../backend';
import type { DType } from '../../dtype';
import type { Scratch } from '../../kernels/scratch';
import { sizeOf } from '../../shape';
import { broadcastBatch, type MatmulAttrs } from './matmul-shape';

/**
 * Lays one operand out as [batch, rows, cols] over the broadcast batch `batch`. tfjs's BatchMatMul
 * broadcasts only a batch of size 1 (it indexes the other operand's batch modulo its size), so any
 * other broadcast ([2,1] against [1,5]) is materialised with Tile first.
 */
function toRank3(s: Scratch, x: TensorInfo, matrix: number[], ownBatch: number[], batch: number[]): TensorInfo {
  const [r, c] = matrix.slice(-2);
  const own = sizeOf(ownBatch);
  const padded = [...Array<number>(batch.length - ownBatch.length).fill(1), ...ownBatch];
  if (own === 1 || own === sizeOf(batch)) return s.run('Reshape', { x }, { shape: [own, r, c] });
  const expanded = s.run('Reshape', { x }, { shape: [...padded, r, c] });
  const tiled = s.run('Tile', { x: expanded }, { reps: [...batch.map((d, i) => d / padded[i]), 1, 1] });
  return s.run('Reshape', { x: tiled }, { shape: [sizeOf(batch), r, c] });
}

/** A product's operands laid out for BatchMatMul / _FusedMatMul, with the flags to pass it. */
export interface PreparedOperands {
  a3: TensorInfo;
  b3: TensorInfo;
  transposeA: boolean;
  transposeB: boolean;
}

/**
 * Lays matmul's operands out as float32 [batch, rows, cols] pairs for tfjs's BatchMatMul or
 * _FusedMatMul, as NumPy's matmul reads them. wasm gets no transpose flags (see below), and a
 * shared right-hand matrix turns a batch of products into one taller one. Intermediates go to `s`.
 */
export function prepareOperands(s: Scratch, a: TensorInfo, b: TensorInfo, attrs: MatmulAttrs): PreparedOperands {
  const a32 = s.float(a);
  const b32 = s.float(b);
  // Vectors become a one-row / one-column matrix, which the transpose flags leave alone.
  let transposeA = a.shape.length > 1 && attrs.transposeA;
  let transposeB = b.shape.length > 1 && attrs.transposeB;
  const aMatrix = a.shape.length === 1 ? [1, a.shape[0]] : a.shape;
  const bMatrix = b.shape.length === 1 ? [b.shape[0], 1] : b.shape;
  const batchA = aMatrix.slice(0, -2);
  const batchB = bMatrix.slice(0, -2);
  const batch = broadcastBatch('matmul', a.shape, b.shape, batchA, batchB) as number[];
  let a3 = toRank3(s, a32, aMatrix, batchA, batch);
  let b3 = toRank3(s, b32, bMatrix, batchB, batch);
  if (s.backend.explicitTransposeMatmul) {
    // wasm's transposed matmul is 10-30x slower than a Transpose plus a plain matmul.
    if (transposeA) a3 = s.transpose(a3, [0, 2, 1]);
    if (transposeB) b3 = s.transpose(b3, [0, 2, 1]);
    transposeA = transposeB = false;
  }
  if (!transposeA && a3.shape[0] > 1 && b3.shape[0] === 1) {
    // One shared right-hand matrix: stack a's matrices into one tall one, a single bigger product.
    a3 = s.run('Reshape', { x: a3 }, { shape: [1, a3.shape[0] * a3.shape[1], a3.shape[2]] });
  }
  return { a3, b3, transposeA, transposeB };
}

/**
 * matmul on concrete inputs, as NumPy defines it. Runs in float32: wasm's BatchMatMul rejects int32
 * and webgpu's computes in f32 anyway, so int32 products are exact while sums stay below 2^24.
 */
export function matmulKernel(
  s: Scratch,
  a: TensorInfo,
  b: TensorInfo,
  attrs: MatmulAttrs,
  outDtype: DType,
): TensorInfo {
  const { a3, b3, transposeA, transposeB } = prepareOperands(s, a, b, attrs);
  return s.cast(s.run('BatchMatMul', { a: a3, b: b3 }, { transposeA, transposeB }), outDtype);
}
