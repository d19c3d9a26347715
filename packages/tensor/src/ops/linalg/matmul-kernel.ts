import type { TensorInfo } from '../../backend';
import type { DType } from '../../dtype';
import type { KernelContext } from '../../op';
import { sizeOf } from '../../shape';
import { broadcastBatch, type MatmulAttrs } from './matmul-shape';

/** Kernel results to free once the product is computed. */
export type Temps = TensorInfo[];

export function run(
  ctx: KernelContext,
  temps: Temps,
  kernel: string,
  inputs: Record<string, TensorInfo>,
  attrs?: Record<string, unknown>,
): TensorInfo {
  const out = ctx.run(kernel, inputs, attrs as never);
  temps.push(out);
  return out;
}

/**
 * Lays one operand out as [batch, rows, cols] over the broadcast batch `batch`. tfjs's BatchMatMul
 * broadcasts only a batch of size 1 (it indexes the other operand's batch modulo its size), so any
 * other broadcast ([2,1] against [1,5]) is materialised with Tile first.
 */
function toRank3(
  ctx: KernelContext,
  temps: Temps,
  x: TensorInfo,
  matrix: number[],
  ownBatch: number[],
  batch: number[],
): TensorInfo {
  const [r, c] = matrix.slice(-2);
  const own = sizeOf(ownBatch);
  const padded = [...Array<number>(batch.length - ownBatch.length).fill(1), ...ownBatch];
  if (own === 1 || own === sizeOf(batch)) return run(ctx, temps, 'Reshape', { x }, { shape: [own, r, c] });
  const expanded = run(ctx, temps, 'Reshape', { x }, { shape: [...padded, r, c] });
  const tiled = run(ctx, temps, 'Tile', { x: expanded }, { reps: [...batch.map((d, i) => d / padded[i]), 1, 1] });
  return run(ctx, temps, 'Reshape', { x: tiled }, { shape: [sizeOf(batch), r, c] });
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
 * shared right-hand matrix turns a batch of products into one taller one. Intermediates go to `temps`.
 */
export function prepareOperands(
  ctx: KernelContext,
  temps: Temps,
  a: TensorInfo,
  b: TensorInfo,
  attrs: MatmulAttrs,
): PreparedOperands {
  const a32 = a.dtype === 'float32' ? a : run(ctx, temps, 'Cast', { x: a }, { dtype: 'float32' });
  const b32 = b.dtype === 'float32' ? b : run(ctx, temps, 'Cast', { x: b }, { dtype: 'float32' });
  // Vectors become a one-row / one-column matrix, which the transpose flags leave alone.
  let transposeA = a.shape.length > 1 && attrs.transposeA;
  let transposeB = b.shape.length > 1 && attrs.transposeB;
  const aMatrix = a.shape.length === 1 ? [1, a.shape[0]] : a.shape;
  const bMatrix = b.shape.length === 1 ? [b.shape[0], 1] : b.shape;
  const batchA = aMatrix.slice(0, -2);
  const batchB = bMatrix.slice(0, -2);
  const batch = broadcastBatch('matmul', a.shape, b.shape, batchA, batchB) as number[];
  let a3 = toRank3(ctx, temps, a32, aMatrix, batchA, batch);
  let b3 = toRank3(ctx, temps, b32, bMatrix, batchB, batch);
  if (ctx.backend.explicitTransposeMatmul) {
    // wasm's transposed matmul is 10-30x slower than a Transpose plus a plain matmul.
    if (transposeA) a3 = run(ctx, temps, 'Transpose', { x: a3 }, { perm: [0, 2, 1] });
    if (transposeB) b3 = run(ctx, temps, 'Transpose', { x: b3 }, { perm: [0, 2, 1] });
    transposeA = transposeB = false;
  }
  if (!transposeA && a3.shape[0] > 1 && b3.shape[0] === 1) {
    // One shared right-hand matrix: stack a's matrices into one tall one, a single bigger product.
    a3 = run(ctx, temps, 'Reshape', { x: a3 }, { shape: [1, a3.shape[0] * a3.shape[1], a3.shape[2]] });
  }
  return { a3, b3, transposeA, transposeB };
}

/**
 * matmul on concrete inputs, as NumPy defines it. Runs in float32: wasm's BatchMatMul rejects int32
 * and webgpu's computes in f32 anyway, so int32 products are exact while sums stay below 2^24.
 */
export function matmulKernel(
  ctx: KernelContext,
  a: TensorInfo,
  b: TensorInfo,
  attrs: MatmulAttrs,
  outDtype: DType,
): TensorInfo {
  const temps: Temps = [];
  const { a3, b3, transposeA, transposeB } = prepareOperands(ctx, temps, a, b, attrs);
  let out = ctx.run('BatchMatMul', { a: a3, b: b3 }, { transposeA, transposeB });
  if (outDtype !== 'float32') {
    temps.push(out);
    out = ctx.run('Cast', { x: out }, { dtype: outDtype });
  }
  for (const t of temps) ctx.free(t);
  return out;
}
