import type * as tfc from '@tensorflow/tfjs-core';
import * as st from '@strata/tensor';
import type { FusedActivation } from '@strata/tensor';
import type { GradientCase } from '../gradient-case';

// Products whose pre-activations sit far from the kinks (0, and 6 for relu6) compared with the
// finite-difference step: a·b = [[3, 2], [-2, -0.5]].
const A = { shape: [2, 3], fill: [1, 2, -1, 0.5, -1, 2] } as const;
const B = { shape: [3, 2], fill: [1, -1, 0.5, 2, -1, 1] } as const;
const BIAS = { shape: [2], fill: [0.3, -0.2] } as const;
// With this bias the pre-activations are [[7.5, 1.8], [2.5, -0.7]]: relu6 sees all three sides.
const BIAS6 = { shape: [2], fill: [4.5, -0.2] } as const;

/** tf.fused.matMul's own gradient covers linear and relu only; the others are the unfused ops in tfjs. */
function tfActivation(tf: typeof tfc, z: tfc.Tensor, activation: FusedActivation, alpha: number): tfc.Tensor {
  switch (activation) {
    case 'linear':
      return z;
    case 'relu':
      return tf.relu(z);
    case 'relu6':
      return tf.relu6(z);
    case 'elu':
      return tf.elu(z);
    case 'leakyrelu':
      return tf.leakyRelu(z, alpha);
    case 'sigmoid':
      return tf.sigmoid(z);
  }
}

const matmulCase = (activation: FusedActivation, alpha = 0.2): GradientCase => ({
  name: `fusedMatmul + bias, ${activation}${activation === 'leakyrelu' ? ` alpha ${alpha}` : ''}`,
  op: 'fusedMatmul',
  inputs: [A, B, activation === 'relu6' ? BIAS6 : BIAS],
  run: (a, b, bias) => st.fusedMatmul({ a, b, bias, activation, leakyreluAlpha: alpha }),
  oracle: (tf, a, b, bias) =>
    activation === 'linear' || activation === 'relu'
      ? tf.fused.matMul({ a: a as tfc.Tensor2D, b: b as tfc.Tensor2D, bias, activation })
      : tfActivation(tf, tf.add(tf.matMul(a as tfc.Tensor2D, b as tfc.Tensor2D), bias), activation, alpha),
});

// x * f + bias over 2x2 windows gives [[-1.5, 0.8], [-1.85, 3.325], [1.85, 1.175], [-1.8, 1.55]].
const X = { shape: [1, 3, 3, 1], fill: [1, -2, 0.5, 1.5, 0.3, -1, 2, 1, -0.5] } as const;
const F = { shape: [2, 2, 1, 2], fill: [0.5, -1, 1, 0.25, -0.5, 2, 1.5, -1] } as const;
const CONV_BIAS = { shape: [2], fill: [0.3, -0.4] } as const;
const as4 = (t: tfc.Tensor) => t as tfc.Tensor4D;

/** Gradients of the fused ops, through their activation, checked against tfjs and finite differences. */
export const fusedGradientCases: readonly GradientCase[] = [
  ...(['linear', 'relu', 'relu6', 'elu', 'sigmoid'] as const).map((a) => matmulCase(a)),
  matmulCase('leakyrelu', 0.2),
  // A negative slope: the rule recomputes the pre-activation to tell the two sides apart.
  matmulCase('leakyrelu', -0.5),
  {
    name: 'fusedMatmul without bias, relu',
    op: 'fusedMatmul',
    inputs: [A, B],
    run: (a, b) => st.fusedMatmul({ a, b, activation: 'relu' }),
    oracle: (tf, a, b) => tf.relu(tf.matMul(a as tfc.Tensor2D, b as tfc.Tensor2D)),
  },
  {
    name: 'fusedMatmul transposeA and transposeB + bias, elu',
    op: 'fusedMatmul',
    inputs: [{ shape: [3, 2] }, { shape: [2, 3] }, BIAS],
    run: (a, b, bias) => st.fusedMatmul({ a, b, bias, transposeA: true, transposeB: true, activation: 'elu' }),
    oracle: (tf, a, b, bias) => tf.elu(tf.add(tf.matMul(a as tfc.Tensor2D, b as tfc.Tensor2D, true, true), bias)),
  },
  // A Dense layer on a sequence: b and the bias are shared by every row of every batch.
  {
    name: 'fusedMatmul [2,3,4]x[4,2] + bias, sigmoid',
    op: 'fusedMatmul',
    inputs: [{ shape: [2, 3, 4] }, { shape: [4, 2] }, BIAS],
    run: (a, b, bias) => st.fusedMatmul({ a, b, bias, activation: 'sigmoid' }),
    oracle: (tf, a, b, bias) => tf.sigmoid(tf.add(tf.matMul(a, tf.broadcastTo(b, [2, 4, 2])), bias)),
  },
  {
    name: 'fusedConv2d + bias, relu',
    op: 'fusedConv2d',
    inputs: [X, F, CONV_BIAS],
    run: (x, f, bias) => st.fusedConv2d({ x, filter: f, bias, activation: 'relu' }),
    oracle: (tf, x, f, bias) =>
      tf.fused.conv2d({ x: as4(x), filter: as4(f), bias, strides: 1, pad: 'valid', activation: 'relu' }),
  },
  {
    name: 'fusedConv2d same padding, stride 2 + bias, elu',
    op: 'fusedConv2d',
    inputs: [{ shape: [2, 5, 5, 2] }, { shape: [3, 3, 2, 3] }, { shape: [3] }],
    run: (x, f, bias) => st.fusedConv2d({ x, filter: f, bias, strides: 2, padding: 'same', activation: 'elu' }),
    oracle: (tf, x, f, bias) => tf.elu(tf.add(tf.conv2d(as4(x), as4(f), 2, 'same'), bias)),
  },
  {
    name: 'fusedConv2d unbatched, no bias, sigmoid',
    op: 'fusedConv2d',
    inputs: [{ shape: [4, 4, 2] }, { shape: [2, 2, 2, 2] }],
    run: (x, f) => st.fusedConv2d({ x, filter: f, activation: 'sigmoid' }),
    oracle: (tf, x, f) => tf.sigmoid(tf.conv2d(x as tfc.Tensor3D, as4(f), 1, 'valid')),
  },
  {
    name: 'fusedConv2d leakyrelu alpha -0.5',
    op: 'fusedConv2d',
    inputs: [X, F, CONV_BIAS],
    run: (x, f, bias) => st.fusedConv2d({ x, filter: f, bias, activation: 'leakyrelu', leakyreluAlpha: -0.5 }),
    oracle: (tf, x, f, bias) => tf.leakyRelu(tf.add(tf.conv2d(as4(x), as4(f), 1, 'valid'), bias), -0.5),
  },
  {
    name: 'fusedDepthwiseConv2d + bias, linear',
    op: 'fusedDepthwiseConv2d',
    inputs: [{ shape: [1, 4, 4, 2] }, { shape: [2, 2, 2, 1] }, { shape: [2] }],
    run: (x, f, bias) => st.fusedDepthwiseConv2d({ x, filter: f, bias }),
    oracle: (tf, x, f, bias) => tf.add(tf.depthwiseConv2d(as4(x), as4(f), 1, 'valid'), bias),
  },
];
