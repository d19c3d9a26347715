import type * as tfc from '@tensorflow/tfjs-core';
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
  { name: 'einsum ij,jk->ik', op: 'einsum', inputs: [{ shape: [3, 4] }, { shape: [4, 2] }], run: (a, b) => st.einsum('ij,jk->ik', a, b), oracle: (tf, a, b) => tf.matMul(a, b) },
  { name: 'einsum abc,cde->abde (EinsumDense)', op: 'einsum', inputs: [{ shape: [2, 3, 4] }, { shape: [4, 2, 3] }], run: (a, b) => st.einsum('abc,cde->abde', a, b), oracle: (tf, a, b) => tf.reshape(tf.matMul(tf.reshape(a, [6, 4]), tf.reshape(b, [4, 6])), [2, 3, 2, 3]) },
  {
    name: 'einsum aecd,abcd->acbe (attention scores)',
    op: 'einsum',
    inputs: [{ shape: [2, 3, 2, 4] }, { shape: [2, 5, 2, 4] }],
    run: (k, q) => st.einsum('aecd,abcd->acbe', k, q),
    oracle: (tf, k, q) => tf.matMul(tf.transpose(q, [0, 2, 1, 3]), tf.transpose(k, [0, 2, 1, 3]), false, true),
  },
  { name: 'einsum ij,kl->ik sums a label of each operand', op: 'einsum', inputs: [{ shape: [2, 3] }, { shape: [4, 5] }], run: (a, b) => st.einsum('ij,kl->ik', a, b), oracle: (tf, a, b) => tf.outerProduct(tf.sum(a, 1) as tfc.Tensor1D, tf.sum(b, 1) as tfc.Tensor1D) },
  { name: 'einsum bij,bjk->bik with a broadcast batch', op: 'einsum', inputs: [{ shape: [1, 2, 3] }, { shape: [3, 3, 2] }], run: (a, b) => st.einsum('bij,bjk->bik', a, b), oracle: (tf, a, b) => tf.matMul(tf.tile(a, [3, 1, 1]), b) },
  { name: 'einsum ...ij,jk->...ik', op: 'einsum', inputs: [{ shape: [2, 2, 3] }, { shape: [3, 2] }], run: (a, b) => st.einsum('...ij,jk->...ik', a, b), oracle: (tf, a, b) => tf.matMul(a, tf.tile(tf.expandDims(b, 0), [2, 1, 1])) },
  { name: 'dot (matmul) [2,3]x[3]', op: 'matmul', inputs: [{ shape: [2, 3] }, { shape: [3] }], run: (a, b) => st.dot(a, b), oracle: (tf, a, b) => tf.dot(a, b) },
  // tfjs has no einsum gradient: each einsum oracle is the same contraction written with tfjs ops.
  { name: "einsum 'bij,bkj->bki' (transposed output)", op: 'einsum', inputs: [{ shape: [2, 2, 3] }, { shape: [2, 4, 3] }], run: (a, b) => st.einsum('bij,bkj->bki', a, b), oracle: (tf, a, b) => tf.matMul(b, a, false, true) },
  { name: "einsum 'ij,ij->' (full contraction)", op: 'einsum', inputs: [{ shape: [2, 3] }, { shape: [2, 3] }], run: (a, b) => st.einsum('ij,ij->', a, b), oracle: (tf, a, b) => tf.sum(tf.mul(a, b)) },
  { name: "einsum 'ij,k->ijk' (outer)", op: 'einsum', inputs: [{ shape: [2, 3] }, { shape: [2] }], run: (a, b) => st.einsum('ij,k->ijk', a, b), oracle: (tf, a, b) => tf.mul(tf.expandDims(a, 2), b) },
  { name: "einsum '...ij,...jk->...ik' broadcast batch", op: 'einsum', inputs: [{ shape: [2, 1, 2, 3] }, { shape: [3, 3, 2] }], run: (a, b) => st.einsum('...ij,...jk->...ik', a, b), oracle: (tf, a, b) => tf.matMul(tf.mul(a, tf.ones([2, 3, 2, 3])), tf.mul(b, tf.ones([2, 3, 3, 2]))) },
];
