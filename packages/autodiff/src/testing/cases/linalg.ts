import * as st from '@strata/tensor';
import type { GradientCase } from '../gradient-case';

export const linalgGradientCases: readonly GradientCase[] = [
  { name: 'matmul [3,4]x[4,2]', op: 'matmul', inputs: [{ shape: [3, 4] }, { shape: [4, 2] }], run: (a, b) => st.matmul(a, b), oracle: (tf, a, b) => tf.matMul(a, b) },
  { name: 'matmul transposeA', op: 'matmul', inputs: [{ shape: [4, 3] }, { shape: [4, 2] }], run: (a, b) => st.matmul(a, b, { transposeA: true }), oracle: (tf, a, b) => tf.matMul(a, b, true, false) },
  { name: 'matmul transposeB', op: 'matmul', inputs: [{ shape: [3, 4] }, { shape: [2, 4] }], run: (a, b) => st.matmul(a, b, { transposeB: true }), oracle: (tf, a, b) => tf.matMul(a, b, false, true) },
  { name: 'matmul transposeA transposeB', op: 'matmul', inputs: [{ shape: [4, 3] }, { shape: [2, 4] }], run: (a, b) => st.matmul(a, b, { transposeA: true, transposeB: true }), oracle: (tf, a, b) => tf.matMul(a, b, true, true) },
  { name: 'matmul batched [2,3,4]x[2,4,2]', op: 'matmul', inputs: [{ shape: [2, 3, 4] }, { shape: [2, 4, 2] }], run: (a, b) => st.matmul(a, b), oracle: (tf, a, b) => tf.matMul(a, b) },
  // tfjs's matMul gradient does not reduce a broadcast batch: the oracle tiles b explicitly.
  { name: 'matmul batch broadcast [2,3,4]x[4,2]', op: 'matmul', inputs: [{ shape: [2, 3, 4] }, { shape: [4, 2] }], run: (a, b) => st.matmul(a, b), oracle: (tf, a, b) => tf.matMul(a, tf.broadcastTo(b, [2, 4, 2])) },
  { name: 'matmul vector x matrix', op: 'matmul', inputs: [{ shape: [4] }, { shape: [4, 3] }], run: (a, b) => st.matmul(a, b), oracle: (tf, a, b) => tf.reshape(tf.matMul(tf.reshape(a, [1, 4]), b), [3]) },
  { name: 'matmul matrix x vector', op: 'matmul', inputs: [{ shape: [3, 4] }, { shape: [4] }], run: (a, b) => st.matmul(a, b), oracle: (tf, a, b) => tf.reshape(tf.matMul(a, tf.reshape(b, [4, 1])), [3]) },
  { name: 'matmul vector x vector', op: 'matmul', inputs: [{ shape: [4] }, { shape: [4] }], run: (a, b) => st.matmul(a, b), oracle: (tf, a, b) => tf.sum(tf.mul(a, b)) },
  { name: 'dot (matmul) [2,3]x[3]', op: 'matmul', inputs: [{ shape: [2, 3] }, { shape: [3] }], run: (a, b) => st.dot(a, b), oracle: (tf, a, b) => tf.dot(a, b) },
];
