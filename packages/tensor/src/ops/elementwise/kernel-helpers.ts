import type { TensorInfo } from '../../backend';
import type { DType } from '../../dtype';
import type { KernelContext } from '../../op';
import { shapesEqual } from '../../shape';

/** A rank-0 constant on the backend, for kernels that take a tensor where the op has a number. */
export function scalarInfo(ctx: KernelContext, value: number, dtype: DType): TensorInfo {
  return ctx.write([value], [], dtype);
}

/** Runs a kernel, then frees the given intermediates (which may include its own inputs). */
export function runAndFree(
  ctx: KernelContext,
  kernelName: string,
  inputs: Record<string, TensorInfo>,
  toFree: readonly TensorInfo[],
  attrs?: Record<string, unknown>,
): TensorInfo {
  const out = ctx.run(kernelName, inputs, attrs as never);
  for (const t of toFree) ctx.free(t);
  return out;
}

/**
 * Broadcasts `x` to `shape` (NumPy rules, already checked by the op's shape rule); returns the
 * input itself when it already has that shape, and whether the result must be freed. Kernels such
 * as Select take equal shapes only: tfjs ops broadcast with Reshape + Tile before calling them.
 */
export function broadcastInfo(ctx: KernelContext, x: TensorInfo, shape: readonly number[]): [TensorInfo, boolean] {
  if (shapesEqual(x.shape, shape)) return [x, false];
  const padded = [...new Array<number>(shape.length - x.shape.length).fill(1), ...x.shape];
  const reps = shape.map((d, i) => (padded[i] === d ? 1 : d));
  if (padded.length === x.shape.length) return [ctx.run('Tile', { x }, { reps }), true];
  const reshaped = ctx.run('Reshape', { x }, { shape: padded });
  return [runAndFree(ctx, 'Tile', { x: reshaped }, [reshaped], { reps }), true];
}

/** `x` where `x` is NaN, `y` elsewhere (same shapes); frees `y`. */
export function keepNaN(ctx: KernelContext, x: TensorInfo, y: TensorInfo): TensorInfo {
  const nan = ctx.run('IsNan', { x });
  return runAndFree(ctx, 'Select', { condition: nan, t: x, e: y }, [nan, y]);
}

/** `x` where `x` is NaN or ±Infinity, `y` elsewhere (same shapes); frees `y`. */
export function keepNonFinite(ctx: KernelContext, x: TensorInfo, y: TensorInfo): TensorInfo {
  const finite = ctx.run('IsFinite', { x });
  return runAndFree(ctx, 'Select', { condition: finite, t: y, e: x }, [finite, y]);
}
