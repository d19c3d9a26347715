// Kernel-level helpers shared by the shape ops: they work on TensorInfos inside an op's kernel.
import type { TensorInfo } from '../../backend';
import type { DType } from '../../dtype';
import type { KernelContext } from '../../op';
import { sizeOf } from '../../shape';

/** The same data under another shape: Reshape shares the buffer (a reference, not a copy) everywhere. */
export function reshapeInfo(ctx: KernelContext, x: TensorInfo, shape: readonly number[]): TensorInfo {
  return ctx.run('Reshape', { x }, { shape: [...shape] });
}

/** An empty tensor of `shape` written directly, so that no kernel ever sees a size-0 tensor. */
export function emptyInfo(ctx: KernelContext, shape: readonly number[], dtype: DType): TensorInfo {
  return ctx.write([], [...shape], dtype);
}

/** `Slice` of a box given by `begin` and `size` (both full length); the whole box is shared, not copied. */
export function sliceInfo(
  ctx: KernelContext,
  x: TensorInfo,
  begin: readonly number[],
  size: readonly number[],
): TensorInfo {
  if (size.every((s, i) => s === x.shape[i])) return reshapeInfo(ctx, x, x.shape);
  return ctx.run('Slice', { x }, { begin: [...begin], size: [...size] });
}

/** Product of the dimensions from `start` to `end` (exclusive). */
export function prodRange(shape: readonly number[], start: number, end = shape.length): number {
  return sizeOf(shape.slice(start, end));
}
