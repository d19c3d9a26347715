import * as st from '../../index';
import type { FusedActivation } from '../../index';
import type { OpCase } from '../conformance';

const ACTIVATIONS: readonly FusedActivation[] = ['linear', 'relu', 'relu6', 'elu', 'leakyrelu', 'sigmoid'];

// 'positive' operands with 8 inner terms give sums from ~0 to ~30, so relu6 sees both of its kinks'
// sides; centered bias values push some of them below zero for relu, elu and leakyrelu.
const matmulPerActivation: OpCase[] = ACTIVATIONS.map((activation) => ({
  name: `fusedMatmul [3,8]x[8,4] + bias, ${activation}`,
  inputs: [
    { shape: [3, 8], fill: 'positive' },
    { shape: [8, 4], fill: 'positive' },
    { shape: [4], fill: [-20, -3, 0.5, 4] },
  ],
  run: (a, b, bias) => st.fusedMatmul({ a, b, bias, activation, leakyreluAlpha: 0.15 }),
  oracle: (tf, a, b, bias) => tf.fused.matMul({ a: a as never, b: b as never, bias, activation, leakyreluAlpha: 0.15 }),
  tol: 1e-4,
}));

const convPerActivation: OpCase[] = ACTIVATIONS.map((activation) => ({
  name: `fusedConv2d [2,5,5,3] 3x3 + bias, ${activation}`,
  inputs: [{ shape: [2, 5, 5, 3] }, { shape: [3, 3, 3, 4] }, { shape: [4], fill: [-1, 0, 0.5, 6] }],
  run: (x, f, bias) => st.fusedConv2d({ x, filter: f, bias, activation, leakyreluAlpha: 0.3 }),
  oracle: (tf, x, f, bias) =>
    tf.fused.conv2d({
      x: x as never,
      filter: f as never,
      strides: 1,
      pad: 'valid',
      bias,
      activation,
      leakyreluAlpha: 0.3,
    }),
  tol: 1e-4,
}));

/** fusedMatmul, fusedConv2d and fusedDepthwiseConv2d against TensorFlow.js's `tf.fused` ops. */
export const fusedCases: readonly OpCase[] = [
  ...matmulPerActivation,
  // A bias reshaped from a matrix: on wasm its data is still recorded with rank 2 (Strata's wasm
  // fused kernels pass a copy recorded as a vector).
  {
    name: 'fusedMatmul bias reshaped from [1,4]',
    inputs: [{ shape: [3, 5] }, { shape: [5, 4] }, { shape: [1, 4] }],
    run: (a, b, c) => st.tidy(() => st.fusedMatmul({ a, b, bias: st.reshape(c, [4]), activation: 'relu' })),
    oracle: (tf, a, b, c) => tf.relu(tf.add(tf.matMul(a, b), tf.reshape(c, [4]))),
  },
  {
    name: 'fusedConv2d bias reshaped from [1,4]',
    inputs: [{ shape: [1, 4, 4, 2] }, { shape: [2, 2, 2, 4] }, { shape: [1, 4] }],
    run: (x, f, c) => st.tidy(() => st.fusedConv2d({ x, filter: f, bias: st.reshape(c, [4]), activation: 'relu' })),
    oracle: (tf, x, f, c) => tf.relu(tf.add(tf.conv2d(x as never, f as never, 1, 'valid'), tf.reshape(c, [4]))),
  },
  {
    name: 'fusedMatmul without bias',
    inputs: [{ shape: [2, 3] }, { shape: [3, 4] }],
    run: (a, b) => st.fusedMatmul({ a, b, activation: 'relu' }),
    oracle: (tf, a, b) => tf.fused.matMul({ a: a as never, b: b as never, activation: 'relu' }),
  },
  {
    name: 'fusedMatmul default activation is linear',
    inputs: [{ shape: [2, 3] }, { shape: [3, 4] }, { shape: [4] }],
    run: (a, b, c) => st.fusedMatmul({ a, b, bias: c }),
    oracle: (tf, a, b, c) => tf.add(tf.matMul(a, b), c),
  },
  {
    name: 'fusedMatmul transposeA',
    inputs: [{ shape: [3, 2] }, { shape: [3, 4] }, { shape: [4] }],
    run: (a, b, c) => st.fusedMatmul({ a, b, bias: c, transposeA: true, activation: 'relu' }),
    oracle: (tf, a, b, c) =>
      tf.fused.matMul({ a: a as never, b: b as never, bias: c, transposeA: true, activation: 'relu' }),
  },
  {
    name: 'fusedMatmul transposeB',
    inputs: [{ shape: [2, 3] }, { shape: [4, 3] }, { shape: [4] }],
    run: (a, b, c) => st.fusedMatmul({ a, b, bias: c, transposeB: true, activation: 'elu' }),
    oracle: (tf, a, b, c) =>
      tf.fused.matMul({ a: a as never, b: b as never, bias: c, transposeB: true, activation: 'elu' }),
  },
  {
    name: 'fusedMatmul transposeA and transposeB, batched',
    inputs: [{ shape: [2, 3, 2] }, { shape: [2, 4, 3] }, { shape: [4] }],
    run: (a, b, c) => st.fusedMatmul({ a, b, bias: c, transposeA: true, transposeB: true, activation: 'sigmoid' }),
    oracle: (tf, a, b, c) =>
      tf.fused.matMul({
        a: a as never,
        b: b as never,
        bias: c,
        transposeA: true,
        transposeB: true,
        activation: 'sigmoid',
      }),
  },
  // A Dense layer on a sequence: one kernel shared by every step (the tall single product).
  {
    name: 'fusedMatmul [2,3,4]x[4,5] shares b',
    inputs: [{ shape: [2, 3, 4] }, { shape: [4, 5] }, { shape: [5] }],
    run: (a, b, c) => st.fusedMatmul({ a, b, bias: c, activation: 'relu' }),
    oracle: (tf, a, b, c) =>
      tf.fused.matMul({ a: a as never, b: tf.broadcastTo(b, [2, 4, 5]) as never, bias: c, activation: 'relu' }),
  },
  {
    name: 'fusedMatmul [2,1,3,4]x[5,4,2] broadcast batch',
    inputs: [{ shape: [2, 1, 3, 4] }, { shape: [5, 4, 2] }, { shape: [2] }],
    run: (a, b, c) => st.fusedMatmul({ a, b, bias: c, activation: 'relu6' }),
    oracle: (tf, a, b, c) =>
      tf.relu6(tf.add(tf.matMul(tf.broadcastTo(a, [2, 5, 3, 4]), tf.broadcastTo(b, [2, 5, 4, 2])), c)),
  },
  {
    name: 'fusedMatmul [64,70]x[70,33] + bias',
    inputs: [{ shape: [64, 70] }, { shape: [70, 33] }, { shape: [33] }],
    run: (a, b, c) => st.fusedMatmul({ a, b, bias: c, activation: 'relu' }),
    oracle: (tf, a, b, c) => tf.fused.matMul({ a: a as never, b: b as never, bias: c, activation: 'relu' }),
    tol: 1e-3,
  },
  {
    name: 'fusedMatmul int32 operands compute in float32',
    inputs: [
      { shape: [1, 2], dtype: 'int32', fill: [1, 2] },
      { shape: [2, 2], dtype: 'int32', fill: [3, -4, 5, -6] },
      { shape: [2], fill: [0.5, 0.5] },
    ],
    run: (a, b, c) => st.fusedMatmul({ a, b, bias: c, activation: 'relu' }),
    expected: { shape: [1, 2], dtype: 'float32', values: [13.5, 0] },
  },
  {
    name: 'fusedMatmul of JS arrays',
    inputs: [],
    run: () => st.fusedMatmul({ a: [[1, 2]], b: [[1], [-1]], bias: [3], activation: 'relu' }),
    expected: { shape: [1, 1], values: [2] },
  },
  // Nothing to sum: activation(0 + bias), as tf.fused.matMul gives.
  {
    name: 'fusedMatmul inner size 0 gives activation(bias)',
    inputs: [{ shape: [2, 0] }, { shape: [0, 3] }, { shape: [3], fill: [-1, 0.5, 2] }],
    run: (a, b, c) => st.fusedMatmul({ a, b, bias: c, activation: 'relu' }),
    expected: { shape: [2, 3], values: [0, 0.5, 2, 0, 0.5, 2] },
  },
  {
    name: 'fusedMatmul no rows',
    inputs: [{ shape: [0, 3] }, { shape: [3, 2] }, { shape: [2] }],
    run: (a, b, c) => st.fusedMatmul({ a, b, bias: c }),
    expected: { shape: [0, 2], values: [] },
  },
  {
    name: 'fusedMatmul bias of the wrong length',
    inputs: [{ shape: [2, 3] }, { shape: [3, 4] }, { shape: [3] }],
    run: (a, b, c) => st.fusedMatmul({ a, b, bias: c }),
    throws:
      /^fusedMatmul: bias must have shape \[4\] \(one value per output channel\), received bias\.shape=\[3\] for an output of shape \[2,4\]$/,
  },
  {
    name: 'fusedMatmul bias of rank 2',
    inputs: [{ shape: [2, 3] }, { shape: [3, 4] }, { shape: [2, 4] }],
    run: (a, b, c) => st.fusedMatmul({ a, b, bias: c }),
    throws: /^fusedMatmul: bias must have shape \[4\]/,
  },
  {
    name: 'fusedMatmul vector operand',
    inputs: [{ shape: [3] }, { shape: [3, 4] }],
    run: (a, b) => st.fusedMatmul({ a, b }),
    throws:
      /^fusedMatmul: a and b must have rank >= 2, received a\.shape=\[3\], b\.shape=\[3,4\]; for a vector operand use matmul$/,
  },
  {
    name: 'fusedMatmul inner dimensions differ',
    inputs: [{ shape: [2, 3] }, { shape: [4, 5] }],
    run: (a, b) => st.fusedMatmul({ a, b }),
    throws: /^fusedMatmul: inner dimensions differ: a\.shape=\[2,3\], b\.shape=\[4,5\]/,
  },
  {
    name: 'fusedMatmul unknown activation',
    inputs: [{ shape: [2, 3] }, { shape: [3, 4] }],
    run: (a, b) => st.fusedMatmul({ a, b, activation: 'tanh' as FusedActivation }),
    throws:
      /^fusedMatmul: activation must be one of 'linear', 'relu', 'relu6', 'elu', 'leakyrelu', 'sigmoid', received "tanh"; apply any other activation as a separate op$/,
  },

  ...convPerActivation,
  {
    name: 'fusedConv2d same padding, strides 2',
    inputs: [{ shape: [1, 6, 7, 2] }, { shape: [3, 3, 2, 3] }, { shape: [3] }],
    run: (x, f, c) => st.fusedConv2d({ x, filter: f, bias: c, strides: 2, padding: 'same', activation: 'relu' }),
    oracle: (tf, x, f, c) =>
      tf.fused.conv2d({ x: x as never, filter: f as never, bias: c, strides: 2, pad: 'same', activation: 'relu' }),
  },
  {
    name: 'fusedConv2d dilations 2',
    inputs: [{ shape: [1, 7, 7, 2] }, { shape: [2, 3, 2, 3] }, { shape: [3] }],
    run: (x, f, c) => st.fusedConv2d({ x, filter: f, bias: c, dilations: 2, activation: 'elu' }),
    oracle: (tf, x, f, c) =>
      tf.fused.conv2d({
        x: x as never,
        filter: f as never,
        bias: c,
        strides: 1,
        pad: 'valid',
        dilations: 2,
        activation: 'elu',
      }),
  },
  {
    name: 'fusedConv2d explicit padding',
    inputs: [{ shape: [1, 4, 4, 2] }, { shape: [3, 3, 2, 2] }, { shape: [2] }],
    run: (x, f, c) =>
      st.fusedConv2d({
        x,
        filter: f,
        bias: c,
        padding: [
          [1, 0],
          [2, 1],
        ],
        activation: 'relu',
      }),
    oracle: (tf, x, f, c) =>
      tf.relu(
        tf.add(
          tf.conv2d(x as never, f as never, 1, [
            [0, 0],
            [1, 0],
            [2, 1],
            [0, 0],
          ]),
          c,
        ),
      ),
  },
  {
    name: 'fusedConv2d unbatched image, no bias',
    inputs: [{ shape: [5, 5, 3] }, { shape: [3, 3, 3, 2] }],
    run: (x, f) => st.fusedConv2d({ x, filter: f, activation: 'relu' }),
    oracle: (tf, x, f) =>
      tf.fused.conv2d({ x: x as never, filter: f as never, strides: 1, pad: 'valid', activation: 'relu' }),
  },
  {
    name: 'fusedConv2d MNIST-sized',
    inputs: [{ shape: [2, 28, 28, 1] }, { shape: [3, 3, 1, 8] }, { shape: [8] }],
    run: (x, f, c) => st.fusedConv2d({ x, filter: f, bias: c, activation: 'relu' }),
    oracle: (tf, x, f, c) =>
      tf.fused.conv2d({ x: x as never, filter: f as never, bias: c, strides: 1, pad: 'valid', activation: 'relu' }),
    tol: 1e-3,
  },
  {
    name: 'fusedConv2d no input channels gives activation(bias)',
    inputs: [{ shape: [1, 3, 3, 0] }, { shape: [2, 2, 0, 2] }, { shape: [2], fill: [-1, 2] }],
    run: (x, f, c) => st.fusedConv2d({ x, filter: f, bias: c, activation: 'relu' }),
    expected: { shape: [1, 2, 2, 2], values: [0, 2, 0, 2, 0, 2, 0, 2] },
  },
  {
    name: 'fusedConv2d bias of the wrong length',
    inputs: [{ shape: [1, 4, 4, 2] }, { shape: [3, 3, 2, 3] }, { shape: [2] }],
    run: (x, f, c) => st.fusedConv2d({ x, filter: f, bias: c }),
    throws:
      /^fusedConv2d: bias must have shape \[3\] \(one value per output channel\), received bias\.shape=\[2\] for an output of shape \[1,2,2,3\]$/,
  },
  {
    name: 'fusedConv2d channels differ',
    inputs: [{ shape: [1, 4, 4, 2] }, { shape: [3, 3, 3, 3] }],
    run: (x, f) => st.fusedConv2d({ x, filter: f }),
    throws:
      /^fusedConv2d: input channels differ: x\.shape=\[1,4,4,2\] has 2 channels, filter\.shape=\[3,3,3,3\] expects 3$/,
  },

  {
    name: 'fusedDepthwiseConv2d + bias, relu',
    inputs: [{ shape: [2, 5, 5, 3] }, { shape: [3, 3, 3, 2] }, { shape: [6] }],
    run: (x, f, c) => st.fusedDepthwiseConv2d({ x, filter: f, bias: c, activation: 'relu' }),
    oracle: (tf, x, f, c) =>
      tf.fused.depthwiseConv2d({
        x: x as never,
        filter: f as never,
        bias: c,
        strides: 1,
        pad: 'valid',
        activation: 'relu',
      }),
  },
  {
    name: 'fusedDepthwiseConv2d same padding, strides 2, relu6',
    inputs: [
      { shape: [1, 6, 6, 2], fill: 'positive' },
      { shape: [3, 3, 2, 1], fill: 'positive' },
      { shape: [2], fill: [-3, 0] },
    ],
    run: (x, f, c) =>
      st.fusedDepthwiseConv2d({ x, filter: f, bias: c, strides: 2, padding: 'same', activation: 'relu6' }),
    oracle: (tf, x, f, c) =>
      tf.fused.depthwiseConv2d({
        x: x as never,
        filter: f as never,
        bias: c,
        strides: 2,
        pad: 'same',
        activation: 'relu6',
      }),
  },
];
