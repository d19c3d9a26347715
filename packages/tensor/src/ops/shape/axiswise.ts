// Pad, MirrorPad, Reverse and Tile act on each axis independently. WebGPU's programs for them read at
// most 4 coordinates (their shaders unpack coords[0..3]; Tile falls back to a CPU read it cannot do),
// so higher ranks are folded here, the same way on every backend so that one path is tested.
import type { TensorInfo } from '../../backend';
import type { Scratch } from '../../kernels/scratch';
import { prodRange } from './kernel-utils';

/** The most axes a Pad, MirrorPad, Reverse or Tile kernel is given. */
export const MAX_AXISWISE_RANK = 4;

/**
 * Calls an axis-wise kernel on a view of `x` with at most MAX_AXISWISE_RANK axes. `touched[i]` says
 * whether axis i is changed; untouched neighbours are merged into one axis. `run` gets the view and,
 * for each of its axes, the original axis it stands for (-1 for merged untouched axes), and returns
 * the transformed view; the result is reshaped to `outShape`. If merging is not enough, touched
 * axes are done one at a time on [outer, n, inner] views (all four ops are separable by axis).
 */
export function runAxiswise(
  s: Scratch,
  x: TensorInfo,
  touched: readonly boolean[],
  outShape: readonly number[],
  run: (view: TensorInfo, axes: readonly number[]) => TensorInfo,
): TensorInfo {
  const viewShape: number[] = [];
  const axes: number[] = [];
  x.shape.forEach((d, i) => {
    if (!touched[i] && axes.length > 0 && axes[axes.length - 1] === -1) viewShape[viewShape.length - 1] *= d;
    else {
      viewShape.push(d);
      axes.push(touched[i] ? i : -1);
    }
  });
  if (viewShape.length <= MAX_AXISWISE_RANK) return s.reshape(run(s.reshape(x, viewShape), axes), outShape);
  let current = x;
  const shape = [...x.shape];
  touched.forEach((isTouched, axis) => {
    if (!isTouched) return;
    current = run(s.reshape(current, [prodRange(shape, 0, axis), shape[axis], prodRange(shape, axis + 1)]), [
      -1,
      axis,
      -1,
    ]);
    shape[axis] = current.shape[1];
  });
  return s.reshape(current, outShape);
}
