import type * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as st from '../../index';
import type { OpCase } from '../conformance';

type Tf = typeof tfc;
type T5 = tfc.Tensor5D;
type Triple = [number, number, number];

/** A dilated 3-D filter as the zero-filled filter it equals (tfjs's conv3d gradient refuses dilations). */
function expandFilter(tf: Tf, f: tfc.Tensor, [dd, dh, dw]: Triple): T5 {
  const [d, h, w, a, b] = f.shape;
  const spread = tf.pad(tf.reshape(f, [d, 1, h, 1, w, 1, a * b]), [
    [0, 0],
    [0, dd - 1],
    [0, 0],
    [0, dh - 1],
    [0, 0],
    [0, dw - 1],
    [0, 0],
  ]);
  const full = tf.reshape(spread, [d * dd, h * dh, w * dw, a, b]);
  return tf.slice(full, [0, 0, 0, 0, 0], [(d - 1) * dd + 1, (h - 1) * dh + 1, (w - 1) * dw + 1, a, b]) as T5;
}

/** The gradient of tfjs's conv3d with respect to x or the filter, at cotangent dy. */
function tfConv3dGrad(wrt: 'x' | 'filter', strides: number, pad: 'valid' | 'same', dilations: Triple = [1, 1, 1]) {
  return (tf: Tf, x: tfc.Tensor, f: tfc.Tensor, dy: tfc.Tensor) => {
    const conv = (xx: tfc.Tensor, ff: tfc.Tensor) =>
      tf.conv3d(xx as T5, dilations.some((d) => d > 1) ? expandFilter(tf, ff, dilations) : (ff as T5), strides, pad);
    return wrt === 'x' ? tf.grad((xx) => conv(xx, f))(x, dy) : tf.grad((ff) => conv(x, ff))(f, dy);
  };
}

const V = { shape: [2, 4, 5, 5, 2] };
const F = { shape: [2, 3, 3, 2, 3] };

/** conv3d, its two backprops and conv3dTranspose (the nn family's 3-D convolutions). */
export const conv3dCases: OpCase[] = [
  {
    name: 'conv3d valid',
    inputs: [V, F],
    run: (x, f) => st.conv3d(x, f),
    oracle: (tf, x, f) => tf.conv3d(x as T5, f as T5, 1, 'valid'),
  },
  {
    name: 'conv3d same strides 2',
    inputs: [V, F],
    run: (x, f) => st.conv3d(x, f, { strides: 2, padding: 'same' }),
    oracle: (tf, x, f) => tf.conv3d(x as T5, f as T5, 2, 'same'),
  },
  {
    name: 'conv3d strides [1,2,1]',
    inputs: [V, F],
    run: (x, f) => st.conv3d(x, f, { strides: [1, 2, 1] }),
    oracle: (tf, x, f) => tf.conv3d(x as T5, f as T5, [1, 2, 1], 'valid'),
  },
  {
    name: 'conv3d dilations 2 same',
    inputs: [V, F],
    run: (x, f) => st.conv3d(x, f, { dilations: 2, padding: 'same' }),
    oracle: (tf, x, f) => tf.conv3d(x as T5, f as T5, 1, 'same', 'NDHWC', 2),
  },
  {
    name: 'conv3d unbatched volume',
    inputs: [{ shape: [4, 5, 5, 2] }, F],
    run: (x, f) => st.conv3d(x, f),
    oracle: (tf, x, f) => tf.conv3d(x as tfc.Tensor4D, f as T5, 1, 'valid'),
  },
  {
    name: 'conv3d hand-computed',
    inputs: [
      { shape: [1, 2, 2, 2, 1], fill: [1, 2, 3, 4, 5, 6, 7, 8] },
      { shape: [2, 1, 1, 1, 1], fill: [1, 10] },
    ],
    run: (x, f) => st.conv3d(x, f),
    expected: { shape: [1, 1, 2, 2, 1], values: [51, 62, 73, 84] },
  },
  {
    name: 'conv3d empty batch',
    inputs: [{ shape: [0, 4, 5, 5, 2] }, F],
    run: (x, f) => st.conv3d(x, f),
    expected: { shape: [0, 3, 3, 3, 3], values: [] },
  },
  {
    name: 'conv3d channels differ',
    inputs: [V, { shape: [2, 3, 3, 3, 3] }],
    run: (x, f) => st.conv3d(x, f),
    throws:
      /^conv3d: input channels differ: x\.shape=\[2,4,5,5,2\] has 2 channels, filter\.shape=\[2,3,3,3,3\] expects 3$/,
  },
  {
    name: 'conv3d filter rank',
    inputs: [V, { shape: [3, 3, 2, 3] }],
    run: (x, f) => st.conv3d(x, f),
    throws:
      /^conv3d: filter must be rank 5 \(\[filterDepth, filterHeight, filterWidth, inChannels, outChannels\]\), received rank 4/,
  },
  {
    name: 'conv3d strides and dilations',
    inputs: [V, F],
    run: (x, f) => st.conv3d(x, f, { strides: 2, dilations: 2 }),
    throws: /^conv3d: strides and dilations cannot both be greater than 1/,
  },
  {
    name: 'conv3d explicit padding refused',
    inputs: [V, F],
    run: (x, f) =>
      st.conv3d(x, f, {
        padding: [
          [1, 1],
          [1, 1],
          [1, 1],
        ] as never,
      }),
    throws: /^conv3d: padding must be 'valid' or 'same', received/,
  },
  {
    name: 'conv3d input smaller than the window',
    inputs: [{ shape: [1, 1, 5, 5, 2] }, F],
    run: (x, f) => st.conv3d(x, f),
    throws: /^conv3d: the input is smaller than the window: .* gives depth 1 but the window spans 2/,
  },

  {
    name: 'conv3dBackpropInput valid',
    inputs: [V, F, { shape: [2, 3, 3, 3, 3] }],
    run: (x, f, dy) => st.conv3dBackpropInput(dy, f, x.shape),
    oracle: tfConv3dGrad('x', 1, 'valid'),
  },
  {
    name: 'conv3dBackpropInput same strides 2',
    inputs: [V, F, { shape: [2, 2, 3, 3, 3] }],
    run: (x, f, dy) => st.conv3dBackpropInput(dy, f, x.shape, { strides: 2, padding: 'same' }),
    oracle: tfConv3dGrad('x', 2, 'same'),
  },
  {
    name: 'conv3dBackpropInput dilations 2 same',
    inputs: [V, F, { shape: [2, 4, 5, 5, 3] }],
    run: (x, f, dy) => st.conv3dBackpropInput(dy, f, x.shape, { dilations: 2, padding: 'same' }),
    oracle: tfConv3dGrad('x', 1, 'same', [2, 2, 2]),
  },
  {
    name: 'conv3dBackpropInput dy does not match',
    inputs: [V, F, { shape: [2, 3, 4, 3, 3] }],
    run: (x, f, dy) => st.conv3dBackpropInput(dy, f, x.shape),
    throws:
      /^conv3dBackpropInput: dy\.shape=\[2,3,4,3,3\] does not match the output \[2,3,3,3,3\] of the convolution of inputShape=\[2,4,5,5,2\]/,
  },
  {
    name: 'conv3dBackpropFilter valid',
    inputs: [V, F, { shape: [2, 3, 3, 3, 3] }],
    run: (x, f, dy) => st.conv3dBackpropFilter(x, dy, f.shape),
    oracle: tfConv3dGrad('filter', 1, 'valid'),
  },
  {
    name: 'conv3dBackpropFilter same strides 2',
    inputs: [V, F, { shape: [2, 2, 3, 3, 3] }],
    run: (x, f, dy) => st.conv3dBackpropFilter(x, dy, f.shape, { strides: 2, padding: 'same' }),
    oracle: tfConv3dGrad('filter', 2, 'same'),
  },
  {
    name: 'conv3dBackpropFilter dilations [1,2,1]',
    inputs: [V, F, { shape: [2, 3, 1, 3, 3] }],
    run: (x, f, dy) => st.conv3dBackpropFilter(x, dy, f.shape, { dilations: [1, 2, 1] }),
    oracle: tfConv3dGrad('filter', 1, 'valid', [1, 2, 1]),
  },
  {
    name: 'conv3dBackpropFilter bad filterShape',
    inputs: [V, { shape: [2, 3, 3, 3, 3] }],
    run: (x, dy) => st.conv3dBackpropFilter(x, dy, [2, 3, 3, 2]),
    throws: /^conv3dBackpropFilter: filterShape must be a list of 5 positive integers/,
  },

  {
    name: 'conv3dTranspose same strides 2',
    inputs: [{ shape: [2, 2, 3, 3, 3] }, { shape: [2, 3, 3, 2, 3] }],
    run: (x, f) => st.conv3dTranspose(x, f, [2, 4, 6, 6, 2], { strides: 2, padding: 'same' }),
    oracle: (tf, x, f) => tf.conv3dTranspose(x as T5, f as T5, [2, 4, 6, 6, 2], 2, 'same'),
  },
  {
    name: 'conv3dTranspose valid default output shape',
    inputs: [{ shape: [1, 2, 3, 3, 3] }, { shape: [2, 3, 3, 2, 3] }],
    run: (x, f) => st.conv3dTranspose(x, f),
    oracle: (tf, x, f) => tf.conv3dTranspose(x as T5, f as T5, [1, 3, 5, 5, 2], 1, 'valid'),
  },
];
