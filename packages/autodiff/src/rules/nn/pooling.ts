import { avgPool2d, avgPool2dGrad, div, maxPool2dGrad, ones, pad, reshape, slice, type Tensor } from '@strata/tensor';
import {
  avgPool1dOp,
  avgPool2dGradOp,
  avgPool2dOp,
  maxPool1dOp,
  maxPool2dOp,
  type Pool2dAttrs,
} from '@strata/tensor/internal';
import { rule, type GradientEntry } from '../../registry';

/** An unbatched image ([h, w, c]) as a batch of one. */
const batched = (t: Tensor) => (t.rank === 3 ? reshape(t, [1, ...t.shape]) : t);
/** A 1-D sequence batch ([b, w, c] or [w, c]) as images of height 1. */
const asImages = (t: Tensor) => reshape(t, t.rank === 3 ? [t.shape[0], 1, t.shape[1], t.shape[2]] : [1, 1, ...t.shape]);

/** The zero padding 'same' adds around an axis of `size` (TensorFlow's split: the extra one after). */
export function samePadding(size: number, window: number, stride: number): [number, number] {
  const total = Math.max((Math.ceil(size / stride) - 1) * stride + window - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/**
 * The gradient of average pooling. With 'same' padding each window averages only its real pixels,
 * while the avgPool2dGrad kernels (TensorFlow.js's) divide by the full window everywhere; so 'same'
 * is computed as 'valid' pooling of the zero-padded input divided by each window's fraction of
 * real pixels, and the padding is cut off the gradient again.
 */
function avgPoolGradient(dy: Tensor, x: Tensor, { poolSize, strides, padding }: Pool2dAttrs): Tensor {
  if (padding === 'valid') return avgPool2dGrad(dy, x, { poolSize, strides, padding });
  const [, height, width] = x.shape;
  const pads: [number, number][] = [
    [0, 0],
    samePadding(height, poolSize[0], strides[0]),
    samePadding(width, poolSize[1], strides[1]),
    [0, 0],
  ];
  const realFraction = avgPool2d(pad(ones(x.shape), pads), poolSize, { strides, padding: 'valid' });
  const full = avgPool2dGrad(div(dy, realFraction), pad(x, pads), { poolSize, strides, padding: 'valid' });
  return slice(full, [0, pads[1][0], pads[2][0], 0], x.shape);
}

export const poolingRules: readonly [string, GradientEntry][] = [
  rule(maxPool2dOp, (dy, { inputs: [x], outputs: [y], attrs: { poolSize, strides, padding } }) => [
    () => reshape(maxPool2dGrad(batched(dy), batched(x), batched(y), { poolSize, strides, padding }), x.shape),
  ]),
  rule(avgPool2dOp, (dy, { inputs: [x], attrs }) => [
    () => reshape(avgPoolGradient(batched(dy), batched(x), attrs), x.shape),
  ]),
  rule(maxPool1dOp, (dy, { inputs: [x], outputs: [y], attrs: { poolSize, strides, padding } }) => [
    () =>
      reshape(
        maxPool2dGrad(asImages(dy), asImages(x), asImages(y), {
          poolSize: [1, poolSize],
          strides: [1, strides],
          padding,
        }),
        x.shape,
      ),
  ]),
  rule(avgPool1dOp, (dy, { inputs: [x], attrs: { poolSize, strides, padding } }) => [
    () =>
      reshape(
        avgPoolGradient(asImages(dy), asImages(x), { poolSize: [1, poolSize], strides: [1, strides], padding }),
        x.shape,
      ),
  ]),
  // avgPool2dGrad is linear in dy (x gives only the shape). It spreads each dy / window over the
  // window, pixels outside the image included ('same'): its transpose is a 'valid' average pooling
  // of the zero-padded g.
  rule(avgPool2dGradOp, (g, { inputs: [, x], attrs: { poolSize, strides, padding } }) => [
    () => {
      if (padding === 'valid') return avgPool2d(g, poolSize, { strides, padding });
      const pads: [number, number][] = [
        [0, 0],
        samePadding(x.shape[1], poolSize[0], strides[0]),
        samePadding(x.shape[2], poolSize[1], strides[1]),
        [0, 0],
      ];
      return avgPool2d(pad(g, pads), poolSize, { strides, padding: 'valid' });
    },
    null,
  ]),
];
