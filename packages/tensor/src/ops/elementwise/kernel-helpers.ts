import type { TensorInfo } from '../../backend';
import type { Scratch } from '../../kernels/scratch';
import { shapesEqual } from '../../shape';

/**
 * Broadcasts `x` to `shape` (NumPy rules, already checked by the op's shape rule); `x` itself when
 * it already has that shape. Kernels such as Select take equal shapes only: tfjs ops broadcast
 * with Reshape + Tile before calling them.
 */
export function broadcastInfo(s: Scratch, x: TensorInfo, shape: readonly number[]): TensorInfo {
  if (shapesEqual(x.shape, shape)) return x;
  const padded = [...new Array<number>(shape.length - x.shape.length).fill(1), ...x.shape];
  const reps = shape.map((d, i) => (padded[i] === d ? 1 : d));
  return s.run('Tile', { x: s.reshape(x, padded) }, { reps });
}

/** `x` where `x` is NaN, `y` elsewhere (same shapes). */
export function keepNaN(s: Scratch, x: TensorInfo, y: TensorInfo): TensorInfo {
  return s.run('Select', { condition: s.run('IsNan', { x }), t: x, e: y });
}

/** `x` where `x` is NaN or ±Infinity, `y` elsewhere (same shapes). */
export function keepNonFinite(s: Scratch, x: TensorInfo, y: TensorInfo): TensorInfo {
  return s.run('Select', { condition: s.run('IsFinite', { x }), t: y, e: x });
}
