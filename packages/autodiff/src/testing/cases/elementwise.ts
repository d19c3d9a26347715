import * as st from '@strata/tensor';
import type { GradientCase } from '../gradient-case';

// Inputs sit away from kinks and domain edges (relu at 0, abs at 0, ties of max/min, log at 0),
// where finite differences and any rule disagree by definition.
const AWAY_FROM_ZERO = [-1.7, -0.6, -0.25, 0.3, 0.8, 1.9];
// tfjs's gradients of maximum, minimum and squaredDifference do not reduce broadcast inputs: the
// oracles broadcast explicitly, so broadcastTo's gradient does the reduction there.
const ABOVE_ONE = [1.2, 1.5, 2.3, 3.1];

export const elementwiseGradientCases: readonly GradientCase[] = [
  { name: 'add [2,3]+[3] broadcast', op: 'add', inputs: [{ shape: [2, 3] }, { shape: [3] }], run: st.add, oracle: (tf, a, b) => tf.add(a, b) },
  { name: 'add [2,1,3]+[4,1] broadcast both ways', op: 'add', inputs: [{ shape: [2, 1, 3] }, { shape: [4, 1] }], run: st.add, oracle: (tf, a, b) => tf.add(a, b) },
  { name: 'add x+x (one tensor, two inputs)', op: 'add', inputs: [{ shape: [3] }], run: (x) => st.add(x, x), oracle: (tf, x) => tf.add(x, x) },
  { name: 'sub [2,3]-[2,1]', op: 'sub', inputs: [{ shape: [2, 3] }, { shape: [2, 1] }], run: st.sub, oracle: (tf, a, b) => tf.sub(a, b) },
  { name: 'mul [2,3]*[3]', op: 'mul', inputs: [{ shape: [2, 3] }, { shape: [3] }], run: st.mul, oracle: (tf, a, b) => tf.mul(a, b) },
  { name: 'mul scalar*[2,2]', op: 'mul', inputs: [{ shape: [] }, { shape: [2, 2] }], run: st.mul, oracle: (tf, a, b) => tf.mul(a, b) },
  { name: 'div [2,3]/[3]', op: 'div', inputs: [{ shape: [2, 3] }, { shape: [3], fill: 'positive' }], run: st.div, oracle: (tf, a, b) => tf.div(a, b) },
  { name: 'mod', op: 'mod', inputs: [{ shape: [4], fill: [5.3, 7.2, 2.5, 9.1] }, { shape: [4], fill: [2.1, 3.3, 1.9, 2.2] }], run: st.mod, oracle: (tf, a, b) => tf.mod(a, b) },
  { name: 'neg', op: 'neg', inputs: [{ shape: [5] }], run: st.neg, oracle: (tf, x) => tf.neg(x) },
  { name: 'abs', op: 'abs', inputs: [{ shape: [6], fill: AWAY_FROM_ZERO }], run: st.abs, oracle: (tf, x) => tf.abs(x) },
  { name: 'square', op: 'square', inputs: [{ shape: [2, 3] }], run: st.square, oracle: (tf, x) => tf.square(x) },
  { name: 'reciprocal', op: 'reciprocal', inputs: [{ shape: [5], fill: 'positive' }], run: st.reciprocal, oracle: (tf, x) => tf.reciprocal(x), fdStep: 1e-3 },
  { name: 'exp', op: 'exp', inputs: [{ shape: [2, 3], fill: 'unit' }], run: st.exp, oracle: (tf, x) => tf.exp(x) },
  { name: 'expm1', op: 'expm1', inputs: [{ shape: [5], fill: 'unit' }], run: st.expm1, oracle: (tf, x) => tf.expm1(x) },
  { name: 'log', op: 'log', inputs: [{ shape: [5], fill: 'positive' }], run: st.log, oracle: (tf, x) => tf.log(x), fdStep: 1e-3 },
  { name: 'log1p', op: 'log1p', inputs: [{ shape: [5], fill: 'positive' }], run: st.log1p, oracle: (tf, x) => tf.log1p(x) },
  { name: 'sqrt', op: 'sqrt', inputs: [{ shape: [5], fill: 'positive' }], run: st.sqrt, oracle: (tf, x) => tf.sqrt(x), fdStep: 1e-3 },
  { name: 'rsqrt', op: 'rsqrt', inputs: [{ shape: [5], fill: 'positive' }], run: st.rsqrt, oracle: (tf, x) => tf.rsqrt(x), fdStep: 1e-3 },
  { name: 'erf', op: 'erf', inputs: [{ shape: [5] }], run: st.erf, oracle: (tf, x) => tf.erf(x), tol: 1e-3 },
  { name: 'sin', op: 'sin', inputs: [{ shape: [5] }], run: st.sin, oracle: (tf, x) => tf.sin(x) },
  { name: 'cos', op: 'cos', inputs: [{ shape: [5] }], run: st.cos, oracle: (tf, x) => tf.cos(x) },
  { name: 'tan', op: 'tan', inputs: [{ shape: [5], fill: 'unit' }], run: st.tan, oracle: (tf, x) => tf.tan(x) },
  { name: 'asin', op: 'asin', inputs: [{ shape: [5], fill: 'unit' }], run: st.asin, oracle: (tf, x) => tf.asin(x), fdStep: 1e-3 },
  { name: 'acos', op: 'acos', inputs: [{ shape: [5], fill: 'unit' }], run: st.acos, oracle: (tf, x) => tf.acos(x), fdStep: 1e-3 },
  { name: 'atan', op: 'atan', inputs: [{ shape: [5] }], run: st.atan, oracle: (tf, x) => tf.atan(x) },
  { name: 'sinh', op: 'sinh', inputs: [{ shape: [5] }], run: st.sinh, oracle: (tf, x) => tf.sinh(x) },
  { name: 'cosh', op: 'cosh', inputs: [{ shape: [5] }], run: st.cosh, oracle: (tf, x) => tf.cosh(x) },
  { name: 'tanh', op: 'tanh', inputs: [{ shape: [5] }], run: st.tanh, oracle: (tf, x) => tf.tanh(x) },
  { name: 'asinh', op: 'asinh', inputs: [{ shape: [5] }], run: st.asinh, oracle: (tf, x) => tf.asinh(x) },
  { name: 'acosh', op: 'acosh', inputs: [{ shape: [4], fill: ABOVE_ONE }], run: st.acosh, oracle: (tf, x) => tf.acosh(x), fdStep: 1e-3 },
  { name: 'atanh', op: 'atanh', inputs: [{ shape: [5], fill: 'unit' }], run: st.atanh, oracle: (tf, x) => tf.atanh(x), fdStep: 1e-3 },
  { name: 'relu', op: 'relu', inputs: [{ shape: [6], fill: AWAY_FROM_ZERO }], run: st.relu, oracle: (tf, x) => tf.relu(x) },
  { name: 'relu6', op: 'relu6', inputs: [{ shape: [6], fill: [-1.5, 0.4, 2.5, 5.5, 6.5, 9] }], run: st.relu6, oracle: (tf, x) => tf.relu6(x) },
  { name: 'leakyRelu alpha 0.1', op: 'leakyRelu', inputs: [{ shape: [6], fill: AWAY_FROM_ZERO }], run: (x) => st.leakyRelu(x, 0.1), oracle: (tf, x) => tf.leakyRelu(x, 0.1) },
  { name: 'sigmoid', op: 'sigmoid', inputs: [{ shape: [2, 3] }], run: st.sigmoid, oracle: (tf, x) => tf.sigmoid(x) },
  { name: 'softplus', op: 'softplus', inputs: [{ shape: [5] }], run: st.softplus, oracle: (tf, x) => tf.softplus(x) },
  { name: 'elu', op: 'elu', inputs: [{ shape: [6], fill: AWAY_FROM_ZERO }], run: st.elu, oracle: (tf, x) => tf.elu(x) },
  { name: 'selu', op: 'selu', inputs: [{ shape: [6], fill: AWAY_FROM_ZERO }], run: st.selu, oracle: (tf, x) => tf.selu(x) },
  { name: 'maximum [2,3],[3]', op: 'maximum', inputs: [{ shape: [2, 3], fill: [1, -2, 0.5, -0.4, 3, 2] }, { shape: [3], fill: [0.2, -1, 1.5] }], run: st.maximum, oracle: (tf, a, b) => tf.maximum(a, tf.broadcastTo(b, [2, 3])) },
  { name: 'minimum [2,3],[3]', op: 'minimum', inputs: [{ shape: [2, 3], fill: [1, -2, 0.5, -0.4, 3, 2] }, { shape: [3], fill: [0.2, -1, 1.5] }], run: st.minimum, oracle: (tf, a, b) => tf.minimum(a, tf.broadcastTo(b, [2, 3])) },
  { name: 'squaredDifference [2,3],[3]', op: 'squaredDifference', inputs: [{ shape: [2, 3] }, { shape: [3] }], run: st.squaredDifference, oracle: (tf, a, b) => tf.squaredDifference(a, tf.broadcastTo(b, [2, 3])) },
  { name: 'atan2', op: 'atan2', inputs: [{ shape: [5] }, { shape: [5], fill: 'positive' }], run: st.atan2, oracle: (tf, a, b) => tf.atan2(a, b) },
  { name: 'pow positive base', op: 'pow', inputs: [{ shape: [2, 2], fill: 'positive' }, { shape: [2, 2], fill: 'unit' }], run: st.pow, oracle: (tf, a, b) => tf.pow(a, b), fdStep: 1e-3 },
  { name: 'pow [3]^scalar', op: 'pow', inputs: [{ shape: [3], fill: 'positive' }, { shape: [], fill: [2.5] }], run: st.pow, oracle: (tf, a, b) => tf.pow(a, b), fdStep: 1e-3 },
  { name: 'where broadcast condition', op: 'where', inputs: [{ shape: [3], dtype: 'bool', fill: [1, 0, 1] }, { shape: [2, 3] }, { shape: [3] }], run: st.where, oracle: (tf, c, a, b) => tf.where(tf.broadcastTo(c, [2, 3]), a, tf.broadcastTo(b, [2, 3])) },
  { name: 'clipByValue', op: 'clipByValue', inputs: [{ shape: [6], fill: [-2, -0.9, -0.3, 0.2, 0.7, 1.8] }], run: (x) => st.clipByValue(x, -0.5, 0.5), oracle: (tf, x) => tf.clipByValue(x, -0.5, 0.5) },
];
