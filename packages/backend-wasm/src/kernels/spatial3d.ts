import { backend_util } from '@tensorflow/tfjs-core';
import { StrataError } from '@strata/tensor';
import { fmtShape, type TensorInfo, type Scratch } from '@strata/tensor/internal';

/** Planes, rows and columns to add (positive) or cut (negative) before and after axes 1, 2, 3 of a rank-5 tensor. */
export type VolumeMargins = [[number, number], [number, number], [number, number]];

/** Pads axes 1 to 3 of `x` with zeros, or crops them where a margin is negative. */
export function padOrCrop3d(k: Scratch, x: TensorInfo, margins: VolumeMargins): TensorInfo {
  const cut = (n: number) => Math.max(0, -n);
  const add = (n: number) => Math.max(0, n);
  let out = x;
  if (margins.some(([a, b]) => cut(a) + cut(b) > 0)) {
    const begin = [0, ...margins.map(([a]) => cut(a)), 0];
    const size = [x.shape[0], ...margins.map(([a, b], i) => x.shape[i + 1] - cut(a) - cut(b)), x.shape[4]];
    out = k.run('Slice', { x: out }, { begin, size });
  }
  if (margins.some(([a, b]) => add(a) + add(b) > 0)) {
    const paddings = [[0, 0], ...margins.map(([a, b]) => [add(a), add(b)]), [0, 0]];
    out = k.run('PadV2', { x: out }, { paddings, constantValue: 0 });
  }
  return out;
}

/**
 * Spreads the planes, rows and columns of an NDHWC tensor `strides` apart with zeros between them
 * (what a strided convolution's gradient sees), one axis at a time through rank-4 views.
 */
export function spreadByStrides3d(k: Scratch, x: TensorInfo, strides: readonly number[]): TensorInfo {
  return strides.reduce((t, s, i) => {
    if (s === 1) return t;
    const axis = i + 1;
    const outer = t.shape.slice(0, axis).reduce((p, d) => p * d, 1);
    const size = t.shape[axis];
    const inner = t.shape.slice(axis + 1).reduce((p, d) => p * d, 1);
    const padded = k.run(
      'PadV2',
      { x: k.reshape(t, [outer, size, 1, inner]) },
      {
        paddings: [
          [0, 0],
          [0, 0],
          [0, s - 1],
          [0, 0],
        ],
        constantValue: 0,
      },
    );
    const cut = k.run(
      'Slice',
      { x: k.reshape(padded, [outer, size * s, inner]) },
      { begin: [0, 0, 0], size: [outer, (size - 1) * s + 1, inner] },
    );
    return k.reshape(
      cut,
      t.shape.map((d, j) => (j === axis ? (size - 1) * s + 1 : d)),
    );
  }, x);
}

type Shape5 = [number, number, number, number, number];

/** tfjs-core's geometry of a 3-D convolution, checked against the gradient `dy` the kernel received. */
export function conv3dGradInfo(
  kernel: string,
  inputShape: readonly number[],
  filterShape: readonly number[],
  dy: TensorInfo,
  strides: number | [number, number, number],
  pad: 'valid' | 'same',
): backend_util.Conv3DInfo {
  for (const [what, shape] of [
    ['the input', inputShape],
    ['the filter', filterShape],
  ] as const) {
    if (shape.length !== 5)
      throw new StrataError(`${kernel}: ${what} must have rank 5, received shape ${fmtShape(shape)}`);
  }
  const info = backend_util.computeConv3DInfo(inputShape as Shape5, filterShape as Shape5, strides, 1, pad);
  if (fmtShape(dy.shape) !== fmtShape(info.outShape)) {
    throw new StrataError(
      `${kernel}: dy has shape ${fmtShape(dy.shape)}, expected ${fmtShape(info.outShape)} for input ${fmtShape(inputShape)}, ` +
        `filter ${fmtShape(filterShape)}, strides ${String(strides)} and pad '${pad}'; pass the dy of that convolution`,
    );
  }
  return info;
}
