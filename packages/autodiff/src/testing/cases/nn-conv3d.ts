import type * as tfc from '@tensorflow/tfjs-core';
import * as st from '@strata/tensor';
import type { GradientCase } from '../gradient-case';

/*
 * tfjs differentiates conv3d but not its backprops: their oracles are the same functions composed
 * from tfjs ops that have gradients (stride 1, valid padding).
 */

const as5 = (t: tfc.Tensor) => t as tfc.Tensor5D;

/** conv3dBackpropInput(dy, f): the full correlation of dy with the filter flipped in space, channels swapped. */
function inputGradient(tf: typeof tfc, dy: tfc.Tensor, f: tfc.Tensor): tfc.Tensor {
  const [kd, kh, kw] = f.shape;
  const padded = tf.pad(dy, [
    [0, 0],
    [kd - 1, kd - 1],
    [kh - 1, kh - 1],
    [kw - 1, kw - 1],
    [0, 0],
  ]);
  return tf.conv3d(as5(padded), as5(tf.transpose(tf.reverse(f, [0, 1, 2]), [0, 1, 2, 4, 3])), 1, 'valid');
}

/** conv3dBackpropFilter(x, dy): x correlated with dy over the batch, which becomes the channels summed over. */
function filterGradient(tf: typeof tfc, x: tfc.Tensor, dy: tfc.Tensor): tfc.Tensor {
  const grad = tf.conv3d(as5(tf.transpose(x, [4, 1, 2, 3, 0])), as5(tf.transpose(dy, [1, 2, 3, 0, 4])), 1, 'valid');
  return tf.transpose(grad, [1, 2, 3, 0, 4]);
}

const X = { shape: [1, 3, 4, 3, 2] };
const F = { shape: [2, 2, 2, 2, 3] };

export const conv3dGradientCases: readonly GradientCase[] = [
  {
    name: 'conv3d valid',
    op: 'conv3d',
    inputs: [X, F],
    run: (x, f) => st.conv3d(x, f),
    oracle: (tf, x, f) => tf.conv3d(as5(x), as5(f), 1, 'valid'),
  },
  {
    name: 'conv3d same, stride 2',
    op: 'conv3d',
    inputs: [{ shape: [2, 3, 4, 4, 2] }, F],
    run: (x, f) => st.conv3d(x, f, { strides: 2, padding: 'same' }),
    oracle: (tf, x, f) => tf.conv3d(as5(x), as5(f), 2, 'same'),
  },
  {
    name: 'conv3d unbatched',
    op: 'conv3d',
    inputs: [{ shape: [3, 3, 3, 2] }, F],
    run: (x, f) => st.conv3d(x, f),
    oracle: (tf, x, f) => tf.conv3d(x as tfc.Tensor4D, as5(f), 1, 'valid'),
  },
  {
    name: 'conv3dBackpropInput',
    op: 'conv3dBackpropInput',
    inputs: [{ shape: [1, 2, 3, 2, 3] }, F],
    run: (dy, f) => st.conv3dBackpropInput(dy, f, [1, 3, 4, 3, 2]),
    oracle: (tf, dy, f) => inputGradient(tf, dy, f),
  },
  {
    name: 'conv3dTranspose',
    op: 'conv3dTranspose',
    inputs: [{ shape: [1, 2, 3, 2, 3] }, F],
    run: (x, f) => st.conv3dTranspose(x, f),
    oracle: (tf, x, f) => inputGradient(tf, x, f),
  },
  {
    name: 'conv3dBackpropFilter',
    op: 'conv3dBackpropFilter',
    inputs: [X, { shape: [1, 2, 3, 2, 3] }],
    run: (x, dy) => st.conv3dBackpropFilter(x, dy, [2, 2, 2, 2, 3]),
    oracle: (tf, x, dy) => filterGradient(tf, x, dy),
  },
];
