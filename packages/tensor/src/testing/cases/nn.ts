import seedrandom from 'seedrandom';
import type * as tfc from '@tensorflow/tfjs-core';
// The oracles take gradients with tf.grad: tfjs-core's node bundle registers no gradient functions,
// and some of them call chained tensor methods (x.reshape()) that it does not add either.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import * as st from '../../index';
import type { OpCase } from '../conformance';
import { inputValues } from '../values';
import { conv3dCases } from './nn-conv3d';

type Tf = typeof tfc;
type T4 = tfc.Tensor4D;
type T3 = tfc.Tensor3D;
type Pad = 'valid' | 'same' | number[][];

/**
 * A dilated filter as the zero-filled filter it equals, built with TensorFlow.js ops: tfjs's own
 * conv gradients refuse dilations, so the oracle for dilated gradients differentiates the
 * undilated convolution with this filter (the same function of x and filter).
 */
function expandFilter(tf: Tf, f: tfc.Tensor, [dh, dw]: [number, number]): T4 {
  const [h, w, a, b] = f.shape;
  const spread = tf.pad(tf.reshape(f, [h, 1, w, 1, a, b]), [
    [0, 0],
    [0, dh - 1],
    [0, 0],
    [0, dw - 1],
    [0, 0],
    [0, 0],
  ]);
  return tf.slice(
    tf.reshape(spread, [h * dh, w * dw, a, b]),
    [0, 0, 0, 0],
    [(h - 1) * dh + 1, (w - 1) * dw + 1, a, b],
  ) as T4;
}

/** The gradient of tfjs's conv2d (or depthwise) with respect to x or the filter, at cotangent dy. */
function tfConvGrad(
  kind: 'conv' | 'depthwise',
  wrt: 'x' | 'filter',
  strides: number,
  pad: Pad,
  dilations: [number, number] = [1, 1],
) {
  return (tf: Tf, x: tfc.Tensor, f: tfc.Tensor, dy: tfc.Tensor) => {
    const conv = (xx: tfc.Tensor, ff: tfc.Tensor) => {
      const filter = dilations[0] > 1 || dilations[1] > 1 ? expandFilter(tf, ff, dilations) : (ff as T4);
      return kind === 'conv'
        ? tf.conv2d(xx as T4, filter, strides, pad as 'same')
        : tf.depthwiseConv2d(xx as T4, filter, strides, pad as 'same');
    };
    return wrt === 'x' ? tf.grad((xx) => conv(xx, f))(x, dy) : tf.grad((ff) => conv(x, ff))(f, dy);
  };
}

/** sum(forward(x) * dy) - sum(x * backward(dy)): zero exactly when backward is forward's transpose. */
function adjointGap(forward: st.Tensor, x: st.Tensor, dy: st.Tensor, backward: st.Tensor): st.Tensor {
  return st.tidy(() => st.sub(st.sum(st.mul(forward, dy)), st.sum(st.mul(x, backward))));
}

/** Inverted dropout computed independently: keep where the i-th alea draw is >= rate. */
function dropoutExpected(
  xValues: number[],
  shape: number[],
  rate: number,
  seed: st.Seed,
  noiseShape = shape,
): number[] {
  const next = seedrandom.alea(String(seed));
  const maskSize = noiseShape.reduce((a, b) => a * b, 1);
  const mask = Array.from({ length: maskSize }, () => (next() >= rate ? 1 / (1 - rate) : 0));
  const strides = noiseShape.map((_, i) => noiseShape.slice(i + 1).reduce((a, b) => a * b, 1));
  return xValues.map((v, flat) => {
    let rem = flat;
    let m = 0;
    shape.forEach((_, i) => {
      const size = shape.slice(i + 1).reduce((a, b) => a * b, 1);
      const idx = Math.floor(rem / size);
      rem %= size;
      m += (noiseShape[i] === 1 ? 0 : idx) * strides[i];
    });
    return v * mask[m];
  });
}

const X = { shape: [2, 5, 5, 3] };
const F = { shape: [3, 3, 3, 4] };

const convCases: OpCase[] = [
  {
    name: 'conv2d valid',
    inputs: [X, F],
    run: (x, f) => st.conv2d(x, f),
    oracle: (tf, x, f) => tf.conv2d(x as T4, f as T4, 1, 'valid'),
  },
  {
    name: 'conv2d same strides 2',
    inputs: [X, F],
    run: (x, f) => st.conv2d(x, f, { strides: 2, padding: 'same' }),
    oracle: (tf, x, f) => tf.conv2d(x as T4, f as T4, 2, 'same'),
  },
  {
    name: 'conv2d strides [1,2] 2x3 filter',
    inputs: [{ shape: [1, 4, 6, 2] }, { shape: [2, 3, 2, 3] }],
    run: (x, f) => st.conv2d(x, f, { strides: [1, 2] }),
    oracle: (tf, x, f) => tf.conv2d(x as T4, f as T4, [1, 2], 'valid'),
  },
  {
    name: 'conv2d dilations 2 same',
    inputs: [X, F],
    run: (x, f) => st.conv2d(x, f, { dilations: 2, padding: 'same' }),
    oracle: (tf, x, f) => tf.conv2d(x as T4, f as T4, 1, 'same', 'NHWC', 2),
  },
  {
    name: 'conv2d explicit padding',
    inputs: [X, F],
    run: (x, f) =>
      st.conv2d(x, f, {
        padding: [
          [1, 0],
          [2, 1],
        ],
      }),
    oracle: (tf, x, f) =>
      tf.conv2d(x as T4, f as T4, 1, [
        [0, 0],
        [1, 0],
        [2, 1],
        [0, 0],
      ]),
  },
  {
    name: 'conv2d explicit padding in tfjs 4-pair form',
    inputs: [X, F],
    run: (x, f) =>
      st.conv2d(x, f, {
        padding: [
          [0, 0],
          [1, 1],
          [0, 2],
          [0, 0],
        ],
        strides: 2,
      }),
    oracle: (tf, x, f) =>
      tf.conv2d(x as T4, f as T4, 2, [
        [0, 0],
        [1, 1],
        [0, 2],
        [0, 0],
      ]),
  },
  {
    name: 'conv2d unbatched image',
    inputs: [{ shape: [5, 5, 3] }, F],
    run: (x, f) => st.conv2d(x, f, { padding: 'same' }),
    oracle: (tf, x, f) => tf.conv2d(x as T3, f as T4, 1, 'same'),
  },
  {
    name: 'conv2d hand-computed',
    inputs: [
      { shape: [1, 3, 3, 1], fill: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
      { shape: [2, 2, 1, 1], fill: [1, 0, 0, 1] },
    ],
    run: (x, f) => st.conv2d(x, f),
    expected: { shape: [1, 2, 2, 1], dtype: 'float32', values: [6, 8, 12, 14] },
  },
  {
    name: 'conv2d int32 input computes in float32',
    inputs: [
      { shape: [1, 3, 3, 1], dtype: 'int32', fill: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
      { shape: [2, 2, 1, 1], fill: [0.5, 0, 0, 1] },
    ],
    run: (x, f) => st.conv2d(x, f),
    expected: { dtype: 'float32', values: [5.5, 7, 10, 11.5] },
  },
  {
    name: 'conv2d empty batch',
    inputs: [{ shape: [0, 5, 5, 3] }, F],
    run: (x, f) => st.conv2d(x, f),
    expected: { shape: [0, 3, 3, 4], values: [] },
  },
  {
    name: 'conv2d channels differ',
    inputs: [X, { shape: [3, 3, 4, 16] }],
    run: (x, f) => st.conv2d(x, f),
    throws:
      /^conv2d: input channels differ: x\.shape=\[2,5,5,3\] has 3 channels, filter\.shape=\[3,3,4,16\] expects 4$/,
  },
  {
    name: 'conv2d filter rank',
    inputs: [X, { shape: [3, 3, 3] }],
    run: (x, f) => st.conv2d(x, f),
    throws:
      /^conv2d: filter must be rank 4 \(\[filterHeight, filterWidth, inChannels, outChannels\]\), received rank 3: filter\.shape=\[3,3,3\]$/,
  },
  {
    name: 'conv2d x rank',
    inputs: [{ shape: [5, 3] }, F],
    run: (x, f) => st.conv2d(x, f),
    throws: /^conv2d: x must be rank 4 or 3 .*received rank 2: x\.shape=\[5,3\]$/,
  },
  {
    name: 'conv2d input smaller than the window',
    inputs: [{ shape: [1, 2, 5, 3] }, F],
    run: (x, f) => st.conv2d(x, f),
    throws:
      /^conv2d: the input is smaller than the window: x\.shape=\[1,2,5,3\], filter\.shape=\[3,3,3,4\] gives height 2 but the window spans 3/,
  },
  {
    name: 'conv2d strides and dilations',
    inputs: [X, F],
    run: (x, f) => st.conv2d(x, f, { strides: 2, dilations: 2 }),
    throws: /^conv2d: strides and dilations cannot both be greater than 1 .*strides=\[2,2\], dilations=\[2,2\]$/,
  },
  {
    name: 'conv2d bad strides',
    inputs: [X, F],
    run: (x, f) => st.conv2d(x, f, { strides: [0, 1] }),
    throws: /^conv2d: strides must be a positive integer or a pair of them, received \[0,1\]$/,
  },
  {
    name: 'conv2d bad padding',
    inputs: [X, F],
    run: (x, f) => st.conv2d(x, f, { padding: 'full' as never }),
    throws:
      /^conv2d: padding must be 'valid', 'same', or 2 \[before, after\] pairs of non-negative integers, received "full"$/,
  },

  {
    name: 'conv1d valid',
    inputs: [{ shape: [2, 7, 3] }, { shape: [3, 3, 4] }],
    run: (x, f) => st.conv1d(x, f),
    oracle: (tf, x, f) => tf.conv1d(x as T3, f as T3, 1, 'valid'),
  },
  {
    name: 'conv1d same strides 2',
    inputs: [{ shape: [2, 7, 3] }, { shape: [3, 3, 4] }],
    run: (x, f) => st.conv1d(x, f, { strides: 2, padding: 'same' }),
    oracle: (tf, x, f) => tf.conv1d(x as T3, f as T3, 2, 'same'),
  },
  {
    name: 'conv1d causal dilations 2',
    inputs: [{ shape: [2, 7, 3] }, { shape: [3, 3, 4] }],
    run: (x, f) => st.conv1d(x, f, { padding: 'causal', dilations: 2 }),
    oracle: (tf, x, f) =>
      tf.tidy(() =>
        tf.conv1d(
          tf.pad(x, [
            [0, 0],
            [4, 0],
            [0, 0],
          ]) as T3,
          f as T3,
          1,
          'valid',
          'NWC',
          2,
        ),
      ),
  },
  {
    name: 'conv1d explicit padding',
    inputs: [{ shape: [1, 5, 2] }, { shape: [2, 2, 3] }],
    run: (x, f) => st.conv1d(x, f, { padding: [2, 1] }),
    oracle: (tf, x, f) =>
      tf.tidy(() =>
        tf.conv1d(
          tf.pad(x, [
            [0, 0],
            [2, 1],
            [0, 0],
          ]) as T3,
          f as T3,
          1,
          'valid',
        ),
      ),
  },
  {
    name: 'conv1d unbatched',
    inputs: [{ shape: [7, 3] }, { shape: [3, 3, 4] }],
    run: (x, f) => st.conv1d(x, f),
    oracle: (tf, x, f) => tf.conv1d(x as tfc.Tensor2D, f as T3, 1, 'valid'),
  },
  {
    name: 'conv1d channels differ',
    inputs: [{ shape: [2, 7, 3] }, { shape: [3, 2, 4] }],
    run: (x, f) => st.conv1d(x, f),
    throws: /^conv1d: input channels differ: x\.shape=\[2,7,3\] has 3 channels, filter\.shape=\[3,2,4\] expects 2$/,
  },
  {
    name: 'conv1d bad padding',
    inputs: [{ shape: [2, 7, 3] }, { shape: [3, 3, 4] }],
    run: (x, f) => st.conv1d(x, f, { padding: 'full' as never }),
    throws: /^conv1d: padding must be 'valid', 'same', 'causal' or \[before, after\]/,
  },

  {
    name: 'depthwiseConv2d valid multiplier 2',
    inputs: [X, { shape: [3, 3, 3, 2] }],
    run: (x, f) => st.depthwiseConv2d(x, f),
    oracle: (tf, x, f) => tf.depthwiseConv2d(x as T4, f as T4, 1, 'valid'),
  },
  {
    name: 'depthwiseConv2d same strides 2',
    inputs: [X, { shape: [3, 3, 3, 1] }],
    run: (x, f) => st.depthwiseConv2d(x, f, { strides: 2, padding: 'same' }),
    oracle: (tf, x, f) => tf.depthwiseConv2d(x as T4, f as T4, 2, 'same'),
  },
  {
    name: 'depthwiseConv2d dilations 2',
    inputs: [X, { shape: [2, 2, 3, 2] }],
    run: (x, f) => st.depthwiseConv2d(x, f, { dilations: 2 }),
    oracle: (tf, x, f) => tf.depthwiseConv2d(x as T4, f as T4, 1, 'valid', 'NHWC', 2),
  },
  {
    name: 'depthwiseConv2d channels differ',
    inputs: [X, { shape: [3, 3, 2, 2] }],
    run: (x, f) => st.depthwiseConv2d(x, f),
    throws:
      /^depthwiseConv2d: input channels differ: x\.shape=\[2,5,5,3\] has 3 channels, filter\.shape=\[3,3,2,2\] expects 2$/,
  },

  {
    name: 'separableConv2d same',
    inputs: [X, { shape: [3, 3, 3, 2] }, { shape: [1, 1, 6, 4] }],
    run: (x, d, p) => st.separableConv2d(x, d, p, { padding: 'same' }),
    oracle: (tf, x, d, p) => tf.separableConv2d(x as T4, d as T4, p as T4, 1, 'same'),
  },
  {
    name: 'separableConv2d strides 2 valid',
    inputs: [X, { shape: [2, 2, 3, 1] }, { shape: [1, 1, 3, 2] }],
    run: (x, d, p) => st.separableConv2d(x, d, p, { strides: 2 }),
    oracle: (tf, x, d, p) => tf.separableConv2d(x as T4, d as T4, p as T4, 2, 'valid'),
  },
  {
    name: 'separableConv2d pointwise shape',
    inputs: [X, { shape: [3, 3, 3, 2] }, { shape: [1, 1, 5, 4] }],
    run: (x, d, p) => st.separableConv2d(x, d, p),
    throws:
      /^separableConv2d: pointwiseFilter\.shape=\[1,1,5,4\] must be \[1, 1, 6, outChannels\] for depthwiseFilter\.shape=\[3,3,3,2\]$/,
  },
];

const DY_VALID = { shape: [2, 3, 3, 4] };
const DY_SAME_2 = { shape: [2, 3, 3, 4] };

const convGradCases: OpCase[] = [
  {
    name: 'conv2dBackpropInput valid',
    inputs: [X, F, DY_VALID],
    run: (x, f, dy) => st.conv2dBackpropInput(dy, f, x.shape),
    oracle: tfConvGrad('conv', 'x', 1, 'valid'),
  },
  {
    name: 'conv2dBackpropInput same strides 2',
    inputs: [X, F, DY_SAME_2],
    run: (x, f, dy) => st.conv2dBackpropInput(dy, f, x.shape, { strides: 2, padding: 'same' }),
    oracle: tfConvGrad('conv', 'x', 2, 'same'),
  },
  {
    name: 'conv2dBackpropInput explicit padding',
    inputs: [X, F, { shape: [2, 4, 6, 4] }],
    run: (x, f, dy) =>
      st.conv2dBackpropInput(dy, f, x.shape, {
        padding: [
          [1, 0],
          [2, 1],
        ],
      }),
    oracle: tfConvGrad('conv', 'x', 1, [
      [0, 0],
      [1, 0],
      [2, 1],
      [0, 0],
    ]),
  },
  {
    name: 'conv2dBackpropInput dilations 2',
    inputs: [X, F, { shape: [2, 5, 5, 4] }],
    run: (x, f, dy) => st.conv2dBackpropInput(dy, f, x.shape, { dilations: 2, padding: 'same' }),
    oracle: tfConvGrad('conv', 'x', 1, 'same', [2, 2]),
  },
  {
    name: 'conv2dBackpropInput dy does not match',
    inputs: [X, F, { shape: [2, 4, 4, 4] }],
    run: (x, f, dy) => st.conv2dBackpropInput(dy, f, x.shape),
    throws:
      /^conv2dBackpropInput: dy\.shape=\[2,4,4,4\] does not match the output \[2,3,3,4\] of the convolution of inputShape=\[2,5,5,3\] with filter\.shape=\[3,3,3,4\]/,
  },
  {
    name: 'conv2dBackpropFilter valid',
    inputs: [X, F, DY_VALID],
    run: (x, f, dy) => st.conv2dBackpropFilter(x, dy, f.shape),
    oracle: tfConvGrad('conv', 'filter', 1, 'valid'),
  },
  {
    name: 'conv2dBackpropFilter same strides 2',
    inputs: [X, F, DY_SAME_2],
    run: (x, f, dy) => st.conv2dBackpropFilter(x, dy, f.shape, { strides: 2, padding: 'same' }),
    oracle: tfConvGrad('conv', 'filter', 2, 'same'),
  },
  {
    name: 'conv2dBackpropFilter explicit padding',
    inputs: [X, F, { shape: [2, 4, 6, 4] }],
    run: (x, f, dy) =>
      st.conv2dBackpropFilter(x, dy, f.shape, {
        padding: [
          [1, 0],
          [2, 1],
        ],
      }),
    oracle: tfConvGrad('conv', 'filter', 1, [
      [0, 0],
      [1, 0],
      [2, 1],
      [0, 0],
    ]),
  },
  {
    name: 'conv2dBackpropFilter dilations [2,1]',
    inputs: [X, F, { shape: [2, 1, 3, 4] }],
    run: (x, f, dy) => st.conv2dBackpropFilter(x, dy, f.shape, { dilations: [2, 1] }),
    oracle: tfConvGrad('conv', 'filter', 1, 'valid', [2, 1]),
  },
  {
    name: 'conv2dBackpropFilter channels differ',
    inputs: [X, F, { shape: [2, 3, 3, 5] }],
    run: (x, f, dy) => st.conv2dBackpropFilter(x, dy, f.shape),
    throws:
      /^conv2dBackpropFilter: dy\.shape=\[2,3,3,5\] does not match the output \[2,3,3,4\] of the convolution of x\.shape=\[2,5,5,3\] with filterShape=\[3,3,3,4\]/,
  },
  {
    name: 'conv2dBackpropFilter bad filterShape',
    inputs: [X, DY_VALID],
    run: (x, dy) => st.conv2dBackpropFilter(x, dy, [3, 3, 3]),
    throws: /^conv2dBackpropFilter: filterShape must be a list of 4 positive integers/,
  },

  {
    name: 'conv2dTranspose same strides 2 default output',
    inputs: [{ shape: [2, 3, 3, 4] }, { shape: [3, 3, 2, 4] }],
    run: (x, f) => st.conv2dTranspose(x, f, null, { strides: 2, padding: 'same' }),
    oracle: (tf, x, f) => tf.conv2dTranspose(x as T4, f as T4, [2, 6, 6, 2], 2, 'same'),
  },
  {
    name: 'conv2dTranspose valid strides 2 default output',
    inputs: [{ shape: [2, 3, 3, 4] }, { shape: [3, 3, 2, 4] }],
    run: (x, f) => st.conv2dTranspose(x, f, undefined, { strides: 2 }),
    oracle: (tf, x, f) => tf.conv2dTranspose(x as T4, f as T4, [2, 7, 7, 2], 2, 'valid'),
  },
  {
    name: 'conv2dTranspose given output shape',
    inputs: [{ shape: [2, 3, 3, 4] }, { shape: [3, 3, 2, 4] }],
    run: (x, f) => st.conv2dTranspose(x, f, [2, 5, 5, 2], { strides: 2, padding: 'same' }),
    oracle: (tf, x, f) => tf.conv2dTranspose(x as T4, f as T4, [2, 5, 5, 2], 2, 'same'),
  },
  {
    name: 'conv2dTranspose output shape does not map back',
    inputs: [{ shape: [2, 3, 3, 4] }, { shape: [3, 3, 2, 4] }],
    run: (x, f) => st.conv2dTranspose(x, f, [2, 8, 8, 2], { strides: 2, padding: 'same' }),
    throws:
      /^conv2dTranspose: x\.shape=\[2,3,3,4\] does not match the output \[2,4,4,4\] of the convolution of outputShape=\[2,8,8,2\] with filter\.shape=\[3,3,2,4\]/,
  },

  {
    name: 'depthwiseConv2dBackpropInput same strides 2',
    inputs: [X, { shape: [3, 3, 3, 2] }, { shape: [2, 3, 3, 6] }],
    run: (x, f, dy) => st.depthwiseConv2dBackpropInput(dy, f, x.shape, { strides: 2, padding: 'same' }),
    oracle: tfConvGrad('depthwise', 'x', 2, 'same'),
  },
  {
    name: 'depthwiseConv2dBackpropInput dilations 2',
    inputs: [X, { shape: [2, 2, 3, 2] }, { shape: [2, 3, 3, 6] }],
    run: (x, f, dy) => st.depthwiseConv2dBackpropInput(dy, f, x.shape, { dilations: 2 }),
    oracle: tfConvGrad('depthwise', 'x', 1, 'valid', [2, 2]),
  },
  {
    name: 'depthwiseConv2dBackpropFilter valid',
    inputs: [X, { shape: [3, 3, 3, 2] }, { shape: [2, 3, 3, 6] }],
    run: (x, f, dy) => st.depthwiseConv2dBackpropFilter(x, dy, f.shape),
    oracle: tfConvGrad('depthwise', 'filter', 1, 'valid'),
  },
  {
    name: 'depthwiseConv2dBackpropFilter dilations 2 same',
    inputs: [X, { shape: [2, 2, 3, 2] }, { shape: [2, 5, 5, 6] }],
    run: (x, f, dy) => st.depthwiseConv2dBackpropFilter(x, dy, f.shape, { dilations: 2, padding: 'same' }),
    oracle: tfConvGrad('depthwise', 'filter', 1, 'same', [2, 2]),
  },
  {
    name: 'depthwiseConv2dBackpropFilter dy channels',
    inputs: [X, { shape: [2, 4, 4, 3] }],
    run: (x, dy) => st.depthwiseConv2dBackpropFilter(x, dy, [2, 2, 3, 2]),
    throws: /^depthwiseConv2dBackpropFilter: dy\.shape=\[2,4,4,3\] does not match the output \[2,4,4,6\]/,
  },
];

const P = { shape: [2, 5, 6, 3] };

const poolCases: OpCase[] = [
  {
    name: 'maxPool2d 2x2',
    inputs: [P],
    run: (x) => st.maxPool2d(x, 2),
    oracle: (tf, x) => tf.maxPool(x as T4, 2, 2, 'valid'),
  },
  {
    name: 'maxPool2d 3x3 strides 2 same',
    inputs: [P],
    run: (x) => st.maxPool2d(x, 3, { strides: 2, padding: 'same' }),
    oracle: (tf, x) => tf.maxPool(x as T4, 3, 2, 'same'),
  },
  {
    name: 'maxPool2d [2,3] strides [1,2]',
    inputs: [P],
    run: (x) => st.maxPool2d(x, [2, 3], { strides: [1, 2] }),
    oracle: (tf, x) => tf.maxPool(x as T4, [2, 3], [1, 2], 'valid'),
  },
  {
    name: 'maxPool alias unbatched',
    inputs: [{ shape: [4, 4, 2] }],
    run: (x) => st.maxPool(x, 2),
    oracle: (tf, x) => tf.maxPool(x as T3, 2, 2, 'valid'),
  },
  {
    name: 'avgPool2d 2x2',
    inputs: [P],
    run: (x) => st.avgPool2d(x, 2),
    oracle: (tf, x) => tf.avgPool(x as T4, 2, 2, 'valid'),
  },
  {
    name: 'avgPool2d 3x3 strides 2 same excludes padding',
    inputs: [P],
    run: (x) => st.avgPool(x, 3, { strides: 2, padding: 'same' }),
    oracle: (tf, x) => tf.avgPool(x as T4, 3, 2, 'same'),
  },
  {
    name: 'avgPool2d same hand-computed',
    inputs: [{ shape: [1, 2, 2, 1], fill: [1, 2, 3, 4] }],
    run: (x) => st.avgPool2d(x, 2, { strides: 1, padding: 'same' }),
    expected: { shape: [1, 2, 2, 1], values: [2.5, 3, 3.5, 4] },
  },
  {
    name: 'maxPool2d int32 gives float32',
    inputs: [{ shape: [1, 2, 2, 1], dtype: 'int32', fill: [1, 7, 3, 4] }],
    run: (x) => st.maxPool2d(x, 2),
    expected: { dtype: 'float32', values: [7] },
  },
  {
    name: 'maxPool2d window too large',
    inputs: [P],
    run: (x) => st.maxPool2d(x, 6),
    throws: /^maxPool2d: the input is smaller than the window: x\.shape=\[2,5,6,3\], poolSize=\[6,6\] gives height 5/,
  },
  {
    name: 'maxPool2d explicit padding refused',
    inputs: [P],
    run: (x) =>
      st.maxPool2d(x, 2, {
        padding: [
          [1, 1],
          [1, 1],
        ] as never,
      }),
    throws: /^maxPool2d: padding must be 'valid' or 'same', received \[\[1,1\],\[1,1\]\]$/,
  },
  {
    name: 'maxPool2d missing poolSize',
    inputs: [P],
    run: (x) => st.maxPool2d(x, undefined as never),
    throws: /^maxPool2d: poolSize must be a positive integer or a pair of them, received undefined$/,
  },

  {
    name: 'maxPool1d',
    inputs: [{ shape: [2, 7, 3] }],
    run: (x) => st.maxPool1d(x, 2),
    oracle: (tf, x) =>
      tf.tidy(() => tf.reshape(tf.maxPool(tf.reshape(x, [2, 1, 7, 3]) as T4, [1, 2], [1, 2], 'valid'), [2, 3, 3])),
  },
  {
    name: 'avgPool1d 3 strides 2 same',
    inputs: [{ shape: [2, 7, 3] }],
    run: (x) => st.avgPool1d(x, 3, { strides: 2, padding: 'same' }),
    oracle: (tf, x) =>
      tf.tidy(() => tf.reshape(tf.avgPool(tf.reshape(x, [2, 1, 7, 3]) as T4, [1, 3], [1, 2], 'same'), [2, 4, 3])),
  },
  {
    name: 'maxPool1d rank',
    inputs: [P],
    run: (x) => st.maxPool1d(x, 2),
    throws: /^maxPool1d: x must be rank 3 or 2 .*received rank 4: x\.shape=\[2,5,6,3\]$/,
  },

  {
    name: 'maxPool2dGrad 2x2',
    inputs: [P, { shape: [2, 2, 3, 3] }],
    run: (x, dy) => st.tidy(() => st.maxPool2dGrad(dy, x, st.maxPool2d(x, 2), { poolSize: 2 })),
    oracle: (tf, x, dy) => tf.grad((xx) => tf.maxPool(xx as T4, 2, 2, 'valid'))(x, dy),
  },
  {
    name: 'maxPool2dGrad 3x3 strides 2 same',
    inputs: [P, { shape: [2, 3, 3, 3] }],
    run: (x, dy) =>
      st.tidy(() =>
        st.maxPool2dGrad(dy, x, st.maxPool2d(x, 3, { strides: 2, padding: 'same' }), {
          poolSize: 3,
          strides: 2,
          padding: 'same',
        }),
      ),
    oracle: (tf, x, dy) => tf.grad((xx) => tf.maxPool(xx as T4, 3, 2, 'same'))(x, dy),
  },
  {
    name: 'avgPool2dGrad 3x3 strides 2 same',
    inputs: [P, { shape: [2, 3, 3, 3] }],
    run: (x, dy) => st.avgPool2dGrad(dy, x, { poolSize: 3, strides: 2, padding: 'same' }),
    oracle: (tf, x, dy) => tf.grad((xx) => tf.avgPool(xx as T4, 3, 2, 'same'))(x, dy),
  },
  {
    name: 'avgPool2dGrad [2,3]',
    inputs: [P, { shape: [2, 2, 2, 3] }],
    run: (x, dy) => st.avgPool2dGrad(dy, x, { poolSize: [2, 3] }),
    oracle: (tf, x, dy) => tf.grad((xx) => tf.avgPool(xx as T4, [2, 3], [2, 3], 'valid'))(x, dy),
  },
  {
    name: 'avgPool2dGrad dy does not match',
    inputs: [P, { shape: [2, 3, 3, 3] }],
    run: (x, dy) => st.avgPool2dGrad(dy, x, { poolSize: 2 }),
    throws:
      /^avgPool2dGrad: dy\.shape=\[2,3,3,3\] does not match the output \[2,2,3,3\] of pooling x\.shape=\[2,5,6,3\]/,
  },
];

const activationCases: OpCase[] = [
  {
    name: 'softmax last axis',
    inputs: [{ shape: [3, 5] }],
    run: (x) => st.softmax(x),
    oracle: (tf, x) => tf.softmax(x),
  },
  {
    name: 'softmax axis 1 of rank 3',
    inputs: [{ shape: [2, 4, 3] }],
    run: (x) => st.softmax(x, 1),
    oracle: (tf, x) => tf.tidy(() => tf.transpose(tf.softmax(tf.transpose(x, [0, 2, 1])), [0, 2, 1])),
  },
  {
    name: 'softmax large logits',
    inputs: [{ shape: [3], fill: [1000, 1001, 1002] }],
    run: (x) => st.softmax(x),
    expected: { values: [0.0900306, 0.2447285, 0.6652409] },
  },
  {
    name: 'softmax rank 0',
    inputs: [{ shape: [] }],
    run: (x) => st.softmax(x),
    throws: /^softmax: x must have rank >= 1/,
  },
  {
    name: 'softmax axis out of range',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.softmax(x, 2),
    throws: /^softmax: axis must be an integer in \[-2, 1\] for x\.shape=\[2,3\], received 2$/,
  },
  {
    name: 'logSoftmax last axis',
    inputs: [{ shape: [3, 5] }],
    run: (x) => st.logSoftmax(x),
    oracle: (tf, x) => tf.logSoftmax(x),
  },
  {
    name: 'logSoftmax axis 0',
    inputs: [{ shape: [4, 3] }],
    run: (x) => st.logSoftmax(x, 0),
    oracle: (tf, x) => tf.tidy(() => tf.transpose(tf.logSoftmax(tf.transpose(x)))),
  },
  {
    name: 'logSoftmax stays finite',
    inputs: [{ shape: [3], fill: [1000, 0, -1000] }],
    run: (x) => st.logSoftmax(x),
    expected: { values: [0, -1000, -2000] },
  },

  {
    name: 'batchNorm channels-last params',
    inputs: [{ shape: [2, 3, 4] }, { shape: [4] }, { shape: [4], fill: 'positive' }, { shape: [4] }, { shape: [4] }],
    run: (x, m, v, o, s) => st.batchNorm(x, m, v, o, s, 0.01),
    oracle: (tf, x, m, v, o, s) => tf.batchNorm(x, m, v, o, s, 0.01),
  },
  {
    name: 'batchNorm no offset or scale',
    inputs: [{ shape: [2, 2, 2, 3] }, { shape: [3] }, { shape: [3], fill: 'positive' }],
    run: (x, m, v) => st.batchNorm(x, m, v),
    oracle: (tf, x, m, v) => tf.batchNorm(x, m, v),
  },
  {
    name: 'batchNorm params over a middle axis',
    inputs: [
      { shape: [2, 3, 4] },
      { shape: [1, 3, 1] },
      { shape: [1, 3, 1], fill: 'positive' },
      { shape: [1, 3, 1] },
      { shape: [3, 1] },
    ],
    run: (x, m, v, o, s) => st.batchNorm(x, m, v, o, s),
    // tfjs's cpu kernel repeats parameters cyclically, so the oracle is the formula itself.
    oracle: (tf, x, m, v, o, s) =>
      tf.tidy(() => tf.add(tf.mul(tf.mul(tf.sub(x, m), tf.rsqrt(tf.add(v, 0.001))), s), o)),
  },
  {
    name: 'batchNorm hand-computed',
    inputs: [
      { shape: [2], fill: [1, 3] },
      { shape: [], fill: [2] },
      { shape: [], fill: [4] },
    ],
    run: (x, m, v) => st.batchNorm(x, m, v, 1, 2, 0),
    expected: { values: [0, 2] },
  },
  {
    name: 'batchNorm param too large',
    inputs: [{ shape: [2, 3] }, { shape: [2, 3, 1] }, { shape: [3] }],
    run: (x, m, v) => st.batchNorm(x, m, v),
    throws: /^batchNorm: mean\.shape=\[2,3,1\] must broadcast to x\.shape=\[2,3\] without enlarging it/,
  },
  {
    name: 'batchNorm param does not broadcast',
    inputs: [{ shape: [2, 3] }, { shape: [3] }, { shape: [2] }],
    run: (x, m, v) => st.batchNorm(x, m, v),
    throws: /^batchNorm: shapes cannot be broadcast together: x\.shape=\[2,3\], variance\.shape=\[2\]/,
  },
];

const DROP_X = { shape: [4, 5] };
const dropX = inputValues(DROP_X, 1);

const dropoutCases: OpCase[] = [
  {
    name: 'dropout seeded mask',
    inputs: [DROP_X],
    run: (x) => st.dropout(x, 0.4, { seed: 7 }),
    expected: { shape: [4, 5], values: dropoutExpected(dropX, [4, 5], 0.4, 7) },
  },
  {
    name: 'dropout noiseShape [1,5] shares the mask over rows',
    inputs: [DROP_X],
    run: (x) => st.dropout(x, 0.5, { seed: 'abc', noiseShape: [1, null] }),
    expected: { values: dropoutExpected(dropX, [4, 5], 0.5, 'abc', [1, 5]) },
  },
  { name: 'dropout rate 0 is a copy', inputs: [DROP_X], run: (x) => st.dropout(x, 0), expected: { values: dropX } },
  {
    name: 'dropout rate 1',
    inputs: [DROP_X],
    run: (x) => st.dropout(x, 1),
    throws: /^dropout: rate must be a number in \[0, 1\), received 1$/,
  },
  {
    name: 'dropout bad noiseShape',
    inputs: [DROP_X],
    run: (x) => st.dropout(x, 0.5, { noiseShape: [2, 5] }),
    throws:
      /^dropout: noiseShape=\[2,5\] must have x's rank, each entry 1, null or x's size on that axis; received it for x\.shape=\[4,5\]$/,
  },
];

const I = { shape: [2, 3, 4, 2] };
const resizeModes = [
  { label: 'default', alignCorners: false, halfPixelCenters: false },
  { label: 'alignCorners', alignCorners: true, halfPixelCenters: false },
  { label: 'halfPixelCenters', alignCorners: false, halfPixelCenters: true },
];

const resizeCases: OpCase[] = [
  ...resizeModes.flatMap(({ label, alignCorners, halfPixelCenters }): OpCase[] => [
    {
      name: `resizeBilinear up ${label}`,
      inputs: [I],
      run: (x) => st.resizeBilinear(x, [5, 7], { alignCorners, halfPixelCenters }),
      oracle: (tf, x) => tf.image.resizeBilinear(x as T4, [5, 7], alignCorners, halfPixelCenters),
    },
    {
      name: `resizeNearestNeighbor down ${label}`,
      inputs: [I],
      run: (x) => st.resizeNearestNeighbor(x, [2, 3], { alignCorners, halfPixelCenters }),
      oracle: (tf, x) => tf.image.resizeNearestNeighbor(x as T4, [2, 3], alignCorners, halfPixelCenters),
    },
    {
      name: `resizeNearestNeighbor up ${label}`,
      inputs: [I],
      run: (x) => st.resizeNearestNeighbor(x, [7, 5], { alignCorners, halfPixelCenters }),
      oracle: (tf, x) => tf.image.resizeNearestNeighbor(x as T4, [7, 5], alignCorners, halfPixelCenters),
    },
  ]),
  {
    name: 'resizeBilinear down unbatched',
    inputs: [{ shape: [5, 6, 2] }],
    run: (x) => st.resizeBilinear(x, [2, 4]),
    oracle: (tf, x) => tf.image.resizeBilinear(x as T3, [2, 4]),
  },
  {
    name: 'resizeNearestNeighbor int32 keeps dtype',
    inputs: [{ shape: [1, 2, 2, 1], dtype: 'int32', fill: [1, 2, 3, 4] }],
    run: (x) => st.resizeNearestNeighbor(x, [3, 3]),
    expected: { dtype: 'int32', values: [1, 1, 2, 1, 1, 2, 3, 3, 4] },
  },
  {
    name: 'resizeBilinear both mappings',
    inputs: [I],
    run: (x) => st.resizeBilinear(x, [4, 4], { alignCorners: true, halfPixelCenters: true }),
    throws: /^resizeBilinear: alignCorners and halfPixelCenters cannot both be true/,
  },
  {
    name: 'resizeBilinear bad size',
    inputs: [I],
    run: (x) => st.resizeBilinear(x, [4] as never),
    throws: /^resizeBilinear: size must be \[newHeight, newWidth\] \(non-negative integers\), received \[4\]$/,
  },
  {
    name: 'resizeBilinear empty image',
    inputs: [{ shape: [1, 0, 3, 1] }],
    run: (x) => st.resizeBilinear(x, [2, 2]),
    throws: /^resizeBilinear: cannot resize an image with no pixels: images\.shape=\[1,0,3,1\] to size \[2,2\]$/,
  },

  ...resizeModes
    .filter((m) => !m.halfPixelCenters)
    .flatMap(({ label, alignCorners }): OpCase[] => [
      {
        // Square images: tfjs's cpu ResizeBilinearGrad reports height and width swapped, which tf.grad rejects otherwise.
        name: `resizeBilinearGrad up ${label}`,
        inputs: [{ shape: [2, 4, 4, 2] }, { shape: [2, 5, 7, 2] }],
        run: (x, dy) => st.resizeBilinearGrad(dy, x, { alignCorners }),
        oracle: (tf, x, dy) => tf.grad((xx) => tf.image.resizeBilinear(xx as T4, [5, 7], alignCorners))(x, dy),
      },
      {
        // One image: tfjs's cpu ResizeNearestNeighborGrad is wrong for batches > 1.
        name: `resizeNearestNeighborGrad down ${label}`,
        inputs: [{ shape: [1, 3, 4, 2] }, { shape: [1, 2, 3, 2] }],
        run: (x, dy) => st.resizeNearestNeighborGrad(dy, x, { alignCorners, size: [2, 3] }),
        oracle: (tf, x, dy) => tf.grad((xx) => tf.image.resizeNearestNeighbor(xx as T4, [2, 3], alignCorners))(x, dy),
      },
    ]),
  // Every mapping, on non-square images: the gradient must be the forward op's transpose (tfjs's
  // gradients ignore halfPixelCenters, so there is no oracle for that mapping).
  ...resizeModes.flatMap(({ label, alignCorners, halfPixelCenters }) =>
    [
      [5, 7],
      [2, 3],
    ].flatMap(([h, w]): OpCase[] => [
      {
        name: `resizeBilinearGrad ${label} to ${h}x${w} is the transpose`,
        inputs: [I, { shape: [2, h, w, 2] }],
        run: (x, dy) =>
          st.tidy(() =>
            adjointGap(
              st.resizeBilinear(x, [h, w], { alignCorners, halfPixelCenters }),
              x,
              dy,
              st.resizeBilinearGrad(dy, x, { alignCorners, halfPixelCenters }),
            ),
          ),
        expected: { shape: [], values: [0] },
        tol: 1e-3,
      },
      {
        name: `resizeNearestNeighborGrad ${label} to ${h}x${w} is the transpose`,
        inputs: [I, { shape: [2, h, w, 2] }],
        run: (x, dy) =>
          st.tidy(() =>
            adjointGap(
              st.resizeNearestNeighbor(x, [h, w], { alignCorners, halfPixelCenters }),
              x,
              dy,
              st.resizeNearestNeighborGrad(dy, x, { alignCorners, halfPixelCenters }),
            ),
          ),
        expected: { shape: [], values: [0] },
        tol: 1e-3,
      },
    ]),
  ),
  {
    name: 'resizeNearestNeighborGrad halfPixelCenters hand-computed',
    inputs: [{ shape: [1, 1, 2, 1] }, { shape: [1, 1, 3, 1], fill: [1, 2, 4] }],
    // Width 2 -> 3 with half-pixel centres samples input columns 0, 1, 1.
    run: (x, dy) => st.resizeNearestNeighborGrad(dy, x, { halfPixelCenters: true }),
    expected: { values: [1, 6] },
  },
  {
    name: 'resizeBilinearGrad size does not match dy',
    inputs: [I, { shape: [2, 5, 7, 2] }],
    run: (x, dy) => st.resizeBilinearGrad(dy, x, { size: [5, 6] }),
    throws: /^resizeBilinearGrad: dy\.shape=\[2,5,7,2\] does not have the resized size \[5,6\]$/,
  },
  {
    name: 'resizeBilinearGrad channels differ',
    inputs: [I, { shape: [2, 5, 7, 3] }],
    run: (x, dy) => st.resizeBilinearGrad(dy, x),
    throws:
      /^resizeBilinearGrad: dy\.shape=\[2,5,7,3\] and images\.shape=\[2,3,4,2\] must have the same batch and channels$/,
  },
];

const topK = (k: number) => (x: st.Tensor) => {
  const { values, indices } = st.topK(x, k);
  return [values, indices];
};

const selectionCases: OpCase[] = [
  { name: 'topK k=3', inputs: [{ shape: [2, 3, 6] }], run: topK(3), oracle: (tf, x) => Object.values(tf.topk(x, 3)) },
  {
    name: 'topK k = last axis',
    inputs: [{ shape: [4, 5] }],
    run: topK(5),
    oracle: (tf, x) => Object.values(tf.topk(x, 5)),
  },
  {
    name: 'topK int32',
    inputs: [{ shape: [6], dtype: 'int32', fill: [3, -1, 9, 4, 0, 7] }],
    run: topK(2),
    expected: { dtype: 'int32', values: [9, 7] },
  },
  {
    name: 'topK indices',
    inputs: [{ shape: [6], fill: [3, -1, 9, 4, 0, 7] }],
    run: (x) => {
      const { values, indices } = st.topK(x, 3);
      values.dispose();
      return indices;
    },
    expected: { dtype: 'int32', values: [2, 5, 3] },
  },
  {
    name: 'topK last axis of size 1',
    inputs: [{ shape: [3, 1] }],
    run: topK(1),
    oracle: (tf, x) => Object.values(tf.topk(x, 1)),
  },
  { name: 'topK k=0', inputs: [{ shape: [2, 4] }], run: topK(0), expected: { shape: [2, 0], values: [] } },
  {
    name: 'topK k too large',
    inputs: [{ shape: [2, 4] }],
    run: topK(5),
    throws: /^topK: k=5 is larger than the last axis of x\.shape=\[2,4\] \(4\)$/,
  },
  {
    name: 'topK bool',
    inputs: [{ shape: [2], dtype: 'bool' }],
    run: topK(1),
    throws: /^topK: x must be float32 or int32, received bool/,
  },

  {
    name: 'unsortedSegmentSum with an empty segment',
    inputs: [{ shape: [5, 3] }, { shape: [5], dtype: 'int32', fill: 'index' }],
    run: (x, ids) => st.unsortedSegmentSum(x, ids, 4),
    oracle: (tf, x, ids) => tf.unsortedSegmentSum(x, ids as tfc.Tensor1D, 4),
  },
  {
    name: 'unsortedSegmentSum rank 1',
    inputs: [{ shape: [6] }, { shape: [6], dtype: 'int32', fill: [1, 0, 1, 2, 2, 1] }],
    run: (x, ids) => st.unsortedSegmentSum(x, ids, 3),
    oracle: (tf, x, ids) => tf.unsortedSegmentSum(x, ids as tfc.Tensor1D, 3),
  },
  {
    name: 'unsortedSegmentSum drops out-of-range ids',
    inputs: [
      { shape: [4, 2], fill: [1, 2, 10, 20, 100, 200, 1000, 2000] },
      { shape: [4], dtype: 'int32', fill: [0, -1, 2, 1] },
    ],
    run: (x, ids) => st.unsortedSegmentSum(x, ids, 2),
    expected: { shape: [2, 2], values: [1, 2, 1000, 2000] },
  },
  {
    name: 'unsortedSegmentSum int32 with JS ids',
    inputs: [{ shape: [3], dtype: 'int32', fill: [5, 6, 7] }],
    run: (x) => st.unsortedSegmentSum(x, [1, 1, 0], 2),
    expected: { dtype: 'int32', values: [7, 11] },
  },
  {
    name: 'unsortedSegmentSum float ids',
    inputs: [{ shape: [3] }, { shape: [3] }],
    run: (x, ids) => st.unsortedSegmentSum(x, ids, 2),
    throws: /^unsortedSegmentSum: segmentIds must be int32, received float32$/,
  },
  {
    name: 'unsortedSegmentSum ids length',
    inputs: [{ shape: [3, 2] }, { shape: [2], dtype: 'int32', fill: [0, 1] }],
    run: (x, ids) => st.unsortedSegmentSum(x, ids, 2),
    throws:
      /^unsortedSegmentSum: segmentIds must be rank 1 with one id per row of x: x\.shape=\[3,2\] needs segmentIds\.shape=\[3\], received \[2\]$/,
  },
];

/** Neural-network ops: convolutions and their gradients, pooling, softmax, normalization, dropout, resizing, selection. */
export const nnCases: readonly OpCase[] = [
  ...convCases,
  ...convGradCases,
  ...conv3dCases,
  ...poolCases,
  ...activationCases,
  ...dropoutCases,
  ...resizeCases,
  ...selectionCases,
];
