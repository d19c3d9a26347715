import type { TensorInfo } from '../backend';
import type { Scratch } from './scratch';

/** Rows and columns to add (positive) or cut (negative) on each side of a rank-4 tensor's axes 1 and 2. */
export interface SpatialMargins {
  /** Rows added at the top (negative: removed). */
  top: number;
  /** Rows added at the bottom (negative: removed). */
  bottom: number;
  /** Columns added at the left (negative: removed). */
  left: number;
  /** Columns added at the right (negative: removed). */
  right: number;
}

/**
 * Pads axes 1 and 2 of `x` with zeros, or crops them where a margin is negative.
 * @internal
 */
export function padOrCrop(k: Scratch, x: TensorInfo, m: SpatialMargins): TensorInfo {
  const [d0, h, w, d3] = x.shape;
  const cut = (n: number) => Math.max(0, -n);
  let out = x;
  if (cut(m.top) + cut(m.bottom) + cut(m.left) + cut(m.right) > 0) {
    out = k.run(
      'Slice',
      { x: out },
      {
        begin: [0, cut(m.top), cut(m.left), 0],
        size: [d0, h - cut(m.top) - cut(m.bottom), w - cut(m.left) - cut(m.right), d3],
      },
    );
  }
  const add = (n: number) => Math.max(0, n);
  if (add(m.top) + add(m.bottom) + add(m.left) + add(m.right) > 0) {
    const paddings = [
      [0, 0],
      [add(m.top), add(m.bottom)],
      [add(m.left), add(m.right)],
      [0, 0],
    ];
    out = k.run('PadV2', { x: out }, { paddings, constantValue: 0 });
  }
  return out;
}

/**
 * Spreads the rows and columns of an NHWC tensor `stride` apart with zeros between them (what a
 * strided convolution's gradient sees): [N, H, W, C] -> [N, (H-1)*sh+1, (W-1)*sw+1, C].
 * @internal
 */
export function spreadByStrides(k: Scratch, x: TensorInfo, strideHeight: number, strideWidth: number): TensorInfo {
  if (strideHeight === 1 && strideWidth === 1) return x;
  const [n, h, w, c] = x.shape;
  const split = k.reshape(x, [n, h, 1, w, 1, c]);
  const padded = k.run(
    'PadV2',
    { x: split },
    {
      paddings: [
        [0, 0],
        [0, 0],
        [0, strideHeight - 1],
        [0, 0],
        [0, strideWidth - 1],
        [0, 0],
      ],
      constantValue: 0,
    },
  );
  const merged = k.reshape(padded, [n, h * strideHeight, w * strideWidth, c]);
  return k.run(
    'Slice',
    { x: merged },
    { begin: [0, 0, 0, 0], size: [n, (h - 1) * strideHeight + 1, (w - 1) * strideWidth + 1, c] },
  );
}
