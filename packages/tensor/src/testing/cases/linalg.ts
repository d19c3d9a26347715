import * as st from '../../index';
import type { OpCase } from '../conformance';

const iota = (n: number, from = 1): number[] => Array.from({ length: n }, (_, i) => i + from);

/** matmul (batched, broadcast, transposed, vector operands, int32) and dot. */
export const linalgCases: readonly OpCase[] = [
  // ---- matmul: matrices ----
  {
    name: 'matmul [2,3]x[3,4]',
    inputs: [{ shape: [2, 3] }, { shape: [3, 4] }],
    run: (a, b) => st.matmul(a, b),
    oracle: (tf, a, b) => tf.matMul(a, b),
  },
  {
    name: 'matmul transposeA',
    inputs: [{ shape: [3, 2] }, { shape: [3, 4] }],
    run: (a, b) => st.matmul(a, b, { transposeA: true }),
    oracle: (tf, a, b) => tf.matMul(a, b, true),
  },
  {
    name: 'matmul transposeB',
    inputs: [{ shape: [2, 3] }, { shape: [4, 3] }],
    run: (a, b) => st.matmul(a, b, { transposeB: true }),
    oracle: (tf, a, b) => tf.matMul(a, b, false, true),
  },
  {
    name: 'matmul transposeA and transposeB',
    inputs: [{ shape: [3, 2] }, { shape: [4, 3] }],
    run: (a, b) => st.matmul(a, b, { transposeA: true, transposeB: true }),
    oracle: (tf, a, b) => tf.matMul(a, b, true, true),
  },
  {
    name: 'matmul [33,40]x[40,35]',
    inputs: [{ shape: [33, 40] }, { shape: [40, 35] }],
    run: (a, b) => st.matmul(a, b),
    oracle: (tf, a, b) => tf.matMul(a, b),
    tol: 1e-3,
  },
  {
    name: 'matmul [1,1]x[1,1]',
    inputs: [
      { shape: [1, 1], fill: [3] },
      { shape: [1, 1], fill: [-2] },
    ],
    run: (a, b) => st.matmul(a, b),
    expected: { shape: [1, 1], values: [-6] },
  },
  {
    name: 'matmul of JS arrays',
    inputs: [],
    run: () =>
      st.matmul(
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6],
          [7, 8],
        ],
      ),
    expected: { shape: [2, 2], values: [19, 22, 43, 50] },
  },

  // ---- matmul: batches and broadcasting ----
  {
    name: 'matmul batched [2,3,4]x[2,4,5]',
    inputs: [{ shape: [2, 3, 4] }, { shape: [2, 4, 5] }],
    run: (a, b) => st.matmul(a, b),
    oracle: (tf, a, b) => tf.matMul(a, b),
  },
  {
    name: 'matmul batched transposeA',
    inputs: [{ shape: [2, 4, 3] }, { shape: [2, 4, 5] }],
    run: (a, b) => st.matmul(a, b, { transposeA: true }),
    oracle: (tf, a, b) => tf.matMul(a, b, true),
  },
  {
    name: 'matmul batched transposeB',
    inputs: [{ shape: [2, 3, 4] }, { shape: [2, 5, 4] }],
    run: (a, b) => st.matmul(a, b, { transposeB: true }),
    oracle: (tf, a, b) => tf.matMul(a, b, false, true),
  },
  {
    name: 'matmul [2,3,4]x[4,5] shares b',
    inputs: [{ shape: [2, 3, 4] }, { shape: [4, 5] }],
    run: (a, b) => st.matmul(a, b),
    oracle: (tf, a, b) => tf.matMul(a, b),
  },
  {
    name: 'matmul [2,4,3]x[4,5] transposeA shares b',
    inputs: [{ shape: [2, 4, 3] }, { shape: [4, 5] }],
    run: (a, b) => st.matmul(a, b, { transposeA: true }),
    oracle: (tf, a, b) => tf.matMul(a, b, true),
  },
  {
    name: 'matmul [3,4]x[2,4,5] shares a',
    inputs: [{ shape: [3, 4] }, { shape: [2, 4, 5] }],
    run: (a, b) => st.matmul(a, b),
    oracle: (tf, a, b) => tf.matMul(tf.broadcastTo(a, [2, 3, 4]), b),
  },
  {
    name: 'matmul [1,3,4]x[2,4,5] batch of 1',
    inputs: [{ shape: [1, 3, 4] }, { shape: [2, 4, 5] }],
    run: (a, b) => st.matmul(a, b),
    oracle: (tf, a, b) => tf.matMul(tf.broadcastTo(a, [2, 3, 4]), b),
  },
  {
    name: 'matmul [2,1,3,4]x[5,4,6] full broadcast',
    inputs: [{ shape: [2, 1, 3, 4] }, { shape: [5, 4, 6] }],
    run: (a, b) => st.matmul(a, b),
    oracle: (tf, a, b) => tf.matMul(tf.broadcastTo(a, [2, 5, 3, 4]), tf.broadcastTo(b, [2, 5, 4, 6])),
  },
  {
    name: 'matmul [2,1,4,3]x[1,5,6,4] broadcast with both transposes',
    inputs: [{ shape: [2, 1, 4, 3] }, { shape: [1, 5, 6, 4] }],
    run: (a, b) => st.matmul(a, b, { transposeA: true, transposeB: true }),
    oracle: (tf, a, b) => tf.matMul(tf.broadcastTo(a, [2, 5, 4, 3]), tf.broadcastTo(b, [2, 5, 6, 4]), true, true),
  },
  {
    name: 'matmul [3,1,2,2]x[1,2,2,2] rank 4 both broadcast',
    inputs: [{ shape: [3, 1, 2, 2] }, { shape: [1, 2, 2, 2] }],
    run: (a, b) => st.matmul(a, b),
    oracle: (tf, a, b) => tf.matMul(tf.broadcastTo(a, [3, 2, 2, 2]), tf.broadcastTo(b, [3, 2, 2, 2])),
  },

  // ---- matmul: vectors (NumPy semantics; values worked by hand) ----
  {
    name: 'matmul vector x matrix',
    inputs: [
      { shape: [3], fill: [1, 2, 3] },
      { shape: [3, 2], fill: iota(6) },
    ],
    run: (a, b) => st.matmul(a, b),
    expected: { shape: [2], values: [22, 28] },
  },
  {
    name: 'matmul matrix x vector',
    inputs: [
      { shape: [2, 3], fill: iota(6) },
      { shape: [3], fill: [1, 0, -1] },
    ],
    run: (a, b) => st.matmul(a, b),
    expected: { shape: [2], values: [-2, -2] },
  },
  {
    name: 'matmul vector x vector is a scalar',
    inputs: [
      { shape: [3], fill: [1, 2, 3] },
      { shape: [3], fill: [4, 5, 6] },
    ],
    run: (a, b) => st.matmul(a, b),
    expected: { shape: [], values: [32] },
  },
  {
    name: 'matmul vector x batch',
    inputs: [
      { shape: [2], fill: [1, 2] },
      { shape: [2, 2, 3], fill: iota(12) },
    ],
    run: (a, b) => st.matmul(a, b),
    expected: { shape: [2, 3], values: [9, 12, 15, 27, 30, 33] },
  },
  {
    name: 'matmul batch x vector',
    inputs: [
      { shape: [2, 2, 3], fill: iota(12) },
      { shape: [3], fill: [1, 0, 2] },
    ],
    run: (a, b) => st.matmul(a, b),
    expected: { shape: [2, 2], values: [7, 16, 25, 34] },
  },
  {
    name: 'matmul vector ignores transposeB',
    inputs: [
      { shape: [2, 3], fill: iota(6) },
      { shape: [3], fill: [1, 1, 1] },
    ],
    run: (a, b) => st.matmul(a, b, { transposeB: true }),
    expected: { shape: [2], values: [6, 15] },
  },

  // ---- matmul: dtypes ----
  {
    name: 'matmul int32 stays int32',
    inputs: [
      { shape: [2, 2], dtype: 'int32', fill: [1, 2, 3, 4] },
      { shape: [2, 2], dtype: 'int32', fill: [5, 6, 7, 8] },
    ],
    run: (a, b) => st.matmul(a, b),
    expected: { dtype: 'int32', values: [19, 22, 43, 50] },
  },
  {
    name: 'matmul int32 batched',
    inputs: [
      { shape: [2, 2, 3], dtype: 'int32' },
      { shape: [3, 2], dtype: 'int32' },
    ],
    run: (a, b) => st.matmul(a, b),
    oracle: (tf, a, b) => tf.matMul(a, b),
    expected: { dtype: 'int32' },
  },
  {
    name: 'matmul bool counts as int32',
    inputs: [
      { shape: [2, 2], dtype: 'bool', fill: [1, 0, 1, 1] },
      { shape: [2, 2], dtype: 'bool', fill: [1, 1, 0, 1] },
    ],
    run: (a, b) => st.matmul(a, b),
    expected: { dtype: 'int32', values: [1, 1, 1, 2] },
  },
  {
    name: 'matmul int32 x float32 is float32',
    inputs: [
      { shape: [2], dtype: 'int32', fill: [1, 2] },
      { shape: [2], fill: [0.5, 0.25] },
    ],
    run: (a, b) => st.matmul(a, b),
    expected: { dtype: 'float32', values: [1] },
  },
  {
    name: 'matmul NaN and inf',
    inputs: [
      { shape: [2, 2], fill: [NaN, 1, Infinity, 1] },
      { shape: [2, 1], fill: [1, 1] },
    ],
    run: (a, b) => st.matmul(a, b),
    expected: { values: [NaN, Infinity] },
  },

  // ---- matmul: empty ----
  {
    name: 'matmul inner size 0 gives zeros',
    inputs: [{ shape: [2, 0] }, { shape: [0, 3] }],
    run: (a, b) => st.matmul(a, b),
    expected: { shape: [2, 3], values: [0, 0, 0, 0, 0, 0] },
  },
  {
    name: 'matmul no rows',
    inputs: [{ shape: [0, 3] }, { shape: [3, 2] }],
    run: (a, b) => st.matmul(a, b),
    expected: { shape: [0, 2], values: [] },
  },
  {
    name: 'matmul empty batch',
    inputs: [{ shape: [0, 2, 3] }, { shape: [3, 2] }],
    run: (a, b) => st.matmul(a, b),
    expected: { shape: [0, 2, 2], values: [] },
  },

  // ---- matmul: bad inputs ----
  {
    name: 'matmul inner dimensions differ',
    inputs: [{ shape: [2, 3] }, { shape: [4, 5] }],
    run: (a, b) => st.matmul(a, b),
    throws:
      /^matmul: inner dimensions differ: a\.shape=\[2,3\], b\.shape=\[4,5\] \(a gives 3 columns, b gives 4 rows\)$/,
  },
  {
    name: 'matmul inner dimensions differ after transposeA',
    inputs: [{ shape: [2, 3] }, { shape: [3, 5] }],
    run: (a, b) => st.matmul(a, b, { transposeA: true }),
    throws:
      /^matmul: inner dimensions differ: a\.shape=\[2,3\], b\.shape=\[3,5\], transposeA=true \(a gives 2 columns, b gives 3 rows\)$/,
  },
  {
    name: 'matmul inner dimensions differ after transposeB',
    inputs: [{ shape: [2, 3] }, { shape: [3, 5] }],
    run: (a, b) => st.matmul(a, b, { transposeB: true }),
    throws:
      /^matmul: inner dimensions differ: a\.shape=\[2,3\], b\.shape=\[3,5\], transposeB=true \(a gives 3 columns, b gives 5 rows\)$/,
  },
  {
    name: 'matmul vectors of different lengths',
    inputs: [{ shape: [3] }, { shape: [4] }],
    run: (a, b) => st.matmul(a, b),
    throws: /^matmul: inner dimensions differ: a\.shape=\[3\], b\.shape=\[4\] \(a gives 3 columns, b gives 4 rows\)$/,
  },
  {
    name: 'matmul scalar operand',
    inputs: [{ shape: [] }, { shape: [2, 2] }],
    run: (a, b) => st.matmul(a, b),
    throws:
      /^matmul: operands must have rank >= 1, received a scalar: a\.shape=\[\], b\.shape=\[2,2\]; to scale a tensor use mul\(a, b\)$/,
  },
  {
    name: 'matmul batch dimensions differ',
    inputs: [{ shape: [2, 3, 4] }, { shape: [3, 4, 5] }],
    run: (a, b) => st.matmul(a, b),
    throws:
      /^matmul: batch dimensions cannot be broadcast together: a\.shape=\[2,3,4\], b\.shape=\[3,4,5\] \(batch \[2\] vs \[3\]; each batch axis must be equal, or 1 in one of them\)$/,
  },
  {
    name: 'matmul bad option',
    inputs: [{ shape: [2, 2] }, { shape: [2, 2] }],
    run: (a, b) => st.matmul(a, b, { transposeA: 1 as unknown as boolean }),
    throws:
      /^matmul: options.transposeA and options.transposeB must be booleans, received transposeA=1, transposeB=false$/,
  },

  // ---- dot ----
  {
    name: 'dot vector . vector',
    inputs: [
      { shape: [3], fill: [1, 2, 3] },
      { shape: [3], fill: [4, 5, 6] },
    ],
    run: (a, b) => st.dot(a, b),
    expected: { shape: [], values: [32] },
  },
  {
    name: 'dot matrix . matrix',
    inputs: [{ shape: [2, 3] }, { shape: [3, 2] }],
    run: (a, b) => st.dot(a, b),
    oracle: (tf, a, b) => tf.dot(a, b),
  },
  {
    name: 'dot matrix . vector',
    inputs: [{ shape: [2, 3] }, { shape: [3] }],
    run: (a, b) => st.dot(a, b),
    oracle: (tf, a, b) => tf.dot(a, b),
  },
  {
    name: 'dot vector . matrix',
    inputs: [{ shape: [3] }, { shape: [3, 2] }],
    run: (a, b) => st.dot(a, b),
    oracle: (tf, a, b) => tf.dot(a, b),
  },
  {
    name: 'dot [2,2,3] . [3,4] over the last axis',
    inputs: [{ shape: [2, 2, 3] }, { shape: [3, 4] }],
    run: (a, b) => st.dot(a, b),
    oracle: (tf, a, b) => tf.reshape(tf.matMul(tf.reshape(a, [4, 3]), b), [2, 2, 4]),
  },
  {
    name: 'dot [2,3] . [3] int32',
    inputs: [
      { shape: [2, 3], dtype: 'int32', fill: iota(6) },
      { shape: [3], dtype: 'int32', fill: [1, 1, 1] },
    ],
    run: (a, b) => st.dot(a, b),
    expected: { dtype: 'int32', values: [6, 15] },
  },
  {
    name: 'dot vector . [2,3,4]',
    inputs: [{ shape: [3] }, { shape: [2, 3, 4] }],
    run: (a, b) => st.dot(a, b),
    oracle: (tf, a, b) =>
      tf.reshape(tf.matMul(tf.reshape(a, [1, 3]), tf.reshape(tf.transpose(b, [1, 0, 2]), [3, 8])), [2, 4]),
  },
  {
    name: 'dot scalar operand',
    inputs: [{ shape: [3] }, { shape: [] }],
    run: (a, b) => st.dot(a, b),
    throws:
      /^dot: operands must have rank >= 1, received a scalar: a\.shape=\[3\], b\.shape=\[\]; the dot of a scalar is elementwise multiplication: use mul\(a, b\)$/,
  },
  {
    name: 'dot inner dimensions differ',
    inputs: [{ shape: [2, 3] }, { shape: [2, 2] }],
    run: (a, b) => st.dot(a, b),
    throws: /^dot: inner dimensions differ: a\.shape=\[2,3\], b\.shape=\[2,2\] \(a gives 3 columns, b gives 2 rows\)$/,
  },
  {
    name: 'dot matrix . rank-3 refused',
    inputs: [{ shape: [2, 3] }, { shape: [2, 3, 4] }],
    run: (a, b) => st.dot(a, b),
    throws:
      /^dot: b of rank 3 is not supported when a has rank 2: a\.shape=\[2,3\], b\.shape=\[2,3,4\]; for a batched product \(matching batch axes\) use matmul\(a, b\)$/,
  },

  // ---- einsum (two operands; TensorFlow.js's einsum is the oracle where it can read the equation) ----
  ...(
    [
      ['ij,jk->ik', [2, 3], [3, 4]],
      ['ij,jk->ki', [2, 3], [3, 4]],
      ['bij,bjk->bik', [2, 2, 3], [2, 3, 4]],
      ['ab,bc->ac', [5, 1], [1, 3]],
      ['abc,cd->abd', [2, 3, 4], [4, 5]],
      ['abc,cde->abde', [2, 3, 4], [4, 5, 6]],
      ['abcd,cde->abe', [2, 3, 4, 5], [4, 5, 6]],
      ['aecd,abcd->acbe', [2, 3, 4, 5], [2, 6, 4, 5]],
      ['acbe,aecd->abcd', [2, 4, 6, 3], [2, 3, 4, 5]],
      ['ij,ij->', [2, 3], [2, 3]],
      ['ij,ij->i', [2, 3], [2, 3]],
      ['i,j->ij', [3], [4]],
      ['ij,k->ijk', [2, 3], [4]],
    ] as const
  ).map(
    ([eq, sa, sb]): OpCase => ({
      name: `einsum ${eq} ${JSON.stringify(sa)}x${JSON.stringify(sb)}`,
      inputs: [{ shape: sa }, { shape: sb }],
      run: (a, b) => st.einsum(eq, a, b),
      oracle: (tf, a, b) => tf.einsum(eq, a, b),
    }),
  ),
  // TensorFlow.js's einsum gets labels summed inside one operand wrong: these oracles are spelled out.
  {
    name: 'einsum ij,jk->j sums i in a and k in b',
    inputs: [{ shape: [2, 3] }, { shape: [3, 4] }],
    run: (a, b) => st.einsum('ij,jk->j', a, b),
    oracle: (tf, a, b) => tf.mul(tf.sum(a, 0), tf.sum(b, 1)),
  },
  {
    name: 'einsum ij,kl->ik sums j and l',
    inputs: [{ shape: [2, 3] }, { shape: [4, 5] }],
    run: (a, b) => st.einsum('ij,kl->ik', a, b),
    oracle: (tf, a, b) => tf.mul(tf.expandDims(tf.sum(a, 1), 1), tf.expandDims(tf.sum(b, 1), 0)),
  },
  {
    name: 'einsum ...ij,jk->...ik broadcasts b',
    inputs: [{ shape: [2, 3, 4, 5] }, { shape: [5, 2] }],
    run: (a, b) => st.einsum('...ij,jk->...ik', a, b),
    oracle: (tf, a, b) => tf.matMul(a, tf.broadcastTo(b, [2, 3, 5, 2])),
  },
  {
    name: 'einsum ...ij,...jk->...ik broadcasts batch of 1',
    inputs: [{ shape: [2, 1, 3, 4] }, { shape: [5, 4, 2] }],
    run: (a, b) => st.einsum('...ij,...jk->...ik', a, b),
    oracle: (tf, a, b) => tf.matMul(tf.broadcastTo(a, [2, 5, 3, 4]), tf.broadcastTo(b, [2, 5, 4, 2])),
  },
  {
    name: 'einsum ...b,bc->...c (EinsumDense, left ellipsis)',
    inputs: [{ shape: [2, 3, 4] }, { shape: [4, 5] }],
    run: (a, b) => st.einsum('...b,bc->...c', a, b),
    oracle: (tf, a, b) => tf.einsum('xyb,bc->xyc', a, b),
  },
  {
    name: 'einsum ab...,bc->ac... (right ellipsis)',
    inputs: [{ shape: [2, 3, 4, 5] }, { shape: [3, 6] }],
    run: (a, b) => st.einsum('ab...,bc->ac...', a, b),
    oracle: (tf, a, b) => tf.einsum('abxy,bc->acxy', a, b),
  },
  {
    name: 'einsum implicit output ij,jk',
    inputs: [
      { shape: [2, 2], fill: [1, 2, 3, 4] },
      { shape: [2, 2], fill: [5, 6, 7, 8] },
    ],
    run: (a, b) => st.einsum('ij,jk', a, b),
    expected: { shape: [2, 2], values: [19, 22, 43, 50] },
  },
  {
    name: 'einsum implicit output ba,ca sorts labels',
    inputs: [{ shape: [2, 3] }, { shape: [4, 3] }],
    run: (a, b) => st.einsum('ba,ca', a, b),
    oracle: (tf, a, b) => tf.einsum('ba,ca->bc', a, b),
  },
  {
    name: 'einsum with spaces',
    inputs: [{ shape: [2, 3] }, { shape: [3, 2] }],
    run: (a, b) => st.einsum(' ij , jk -> ik ', a, b),
    oracle: (tf, a, b) => tf.matMul(a, b),
  },
  {
    name: 'einsum batch label of size 1 broadcasts',
    inputs: [{ shape: [1, 2, 3] }, { shape: [4, 3, 2] }],
    run: (a, b) => st.einsum('bij,bjk->bik', a, b),
    oracle: (tf, a, b) => tf.matMul(tf.broadcastTo(a, [4, 2, 3]), b),
  },
  {
    name: 'einsum int32 stays int32',
    inputs: [
      { shape: [2, 2], dtype: 'int32', fill: [1, 2, 3, 4] },
      { shape: [2, 2], dtype: 'int32', fill: [5, 6, 7, 8] },
    ],
    run: (a, b) => st.einsum('ij,jk->ik', a, b),
    expected: { dtype: 'int32', values: [19, 22, 43, 50] },
  },
  {
    name: 'einsum contracted size 0 gives zeros',
    inputs: [{ shape: [2, 0] }, { shape: [0, 3] }],
    run: (a, b) => st.einsum('ij,jk->ik', a, b),
    expected: { shape: [2, 3], values: [0, 0, 0, 0, 0, 0] },
  },
  {
    name: 'einsum three operands refused',
    inputs: [{ shape: [2, 2] }, { shape: [2, 2] }],
    run: (a, b) => st.einsum('ij,jk,kl->il', a, b),
    throws:
      /^einsum: einsum takes exactly two operands, but equation "ij,jk,kl->il" names 3; for one operand use transpose or sum$/,
  },
  {
    name: 'einsum rank does not match the subscripts',
    inputs: [{ shape: [2, 3, 4] }, { shape: [3, 2] }],
    run: (a, b) => st.einsum('ij,jk->ik', a, b),
    throws:
      /^einsum: operand a has rank 3 but its subscripts in "ij,jk->ik" name 2 axes; add "\.\.\." to cover the extra axes or fix the subscripts$/,
  },
  {
    name: 'einsum contracted sizes differ',
    inputs: [{ shape: [2, 3] }, { shape: [4, 2] }],
    run: (a, b) => st.einsum('ij,jk->ik', a, b),
    throws:
      /^einsum: label 'j' has size 3 in a and 4 in b \(a\.shape=\[2,3\], b\.shape=\[4,2\], equation "ij,jk->ik"\); a summed label must have the same size in both operands$/,
  },
  {
    name: 'einsum repeated label refused',
    inputs: [{ shape: [2, 2] }, { shape: [2, 2] }],
    run: (a, b) => st.einsum('ii,ij->j', a, b),
    throws: /^einsum: label 'i' appears twice in operand a of "ii,ij->j": diagonals and traces are not supported yet/,
  },
  {
    name: 'einsum unknown output label',
    inputs: [{ shape: [2, 2] }, { shape: [2, 2] }],
    run: (a, b) => st.einsum('ij,jk->iz', a, b),
    throws: /^einsum: output label 'z' of "ij,jk->iz" appears in neither operand$/,
  },
  {
    name: 'einsum bad characters',
    inputs: [{ shape: [2, 2] }, { shape: [2, 2] }],
    run: (a, b) => st.einsum('i1,jk->ik', a, b),
    throws: /^einsum: operand a of equation "i1,jk->ik" is "i1": expected letters/,
  },
  {
    name: 'einsum ellipsis missing from the output',
    inputs: [{ shape: [2, 3, 4] }, { shape: [4, 2] }],
    run: (a, b) => st.einsum('...j,jk->k', a, b),
    throws:
      /^einsum: the operands of "...j,jk->k" have 2 axes under "...", so the output must place them with "..." too$/,
  },
];
