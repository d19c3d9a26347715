import * as st from '../../index';
import type { OpCase } from '../conformance';

/** Elementwise ops: unary, binary with broadcasting, comparisons, logical ops, where. */
export const elementwiseCases: readonly OpCase[] = [
  { name: 'add [2,3]+[3] broadcast', inputs: [{ shape: [2, 3] }, { shape: [3] }], run: st.add, oracle: (tf, a, b) => tf.add(a, b) },
  { name: 'add rank 0', inputs: [{ shape: [] }, { shape: [] }], run: st.add, oracle: (tf, a, b) => tf.add(a, b) },
  { name: 'add [2,1,3]+[4,1] broadcast both ways', inputs: [{ shape: [2, 1, 3] }, { shape: [4, 1] }], run: st.add, oracle: (tf, a, b) => tf.add(a, b) },
  { name: 'add empty', inputs: [{ shape: [0, 3] }, { shape: [3] }], run: st.add, expected: { shape: [0, 3], values: [] } },
  { name: 'add int32 + JS int stays int32', inputs: [{ shape: [3], dtype: 'int32', fill: [1, 2, 3] }], run: (a) => st.add(a, 2), expected: { dtype: 'int32', values: [3, 4, 5] } },
  { name: 'add int32 + JS float becomes float32', inputs: [{ shape: [2], dtype: 'int32', fill: [1, 2] }], run: (a) => st.add(a, 0.5), expected: { dtype: 'float32', values: [1.5, 2.5] } },
  { name: 'add int32 overflow wraps', inputs: [{ shape: [1], dtype: 'int32', fill: [2147483647] }], run: (a) => st.add(a, 1), expected: { values: [-2147483648] } },
  { name: 'add NaN and infinities', inputs: [{ shape: [3], fill: [NaN, Infinity, -Infinity] }, { shape: [3], fill: [1, -Infinity, -Infinity] }], run: st.add, expected: { values: [NaN, NaN, -Infinity] } },
  { name: 'add bad broadcast', inputs: [{ shape: [2, 3] }, { shape: [4] }], run: st.add, throws: /add: shapes cannot be broadcast together: a.shape=\[2,3\], b.shape=\[4\]/ },
  { name: 'sub', inputs: [{ shape: [2, 3] }, { shape: [2, 1] }], run: st.sub, oracle: (tf, a, b) => tf.sub(a, b) },
  { name: 'mul', inputs: [{ shape: [2, 3] }, { shape: [3] }], run: st.mul, oracle: (tf, a, b) => tf.mul(a, b) },
  { name: 'div', inputs: [{ shape: [2, 3] }, { shape: [3], fill: 'positive' }], run: st.div, oracle: (tf, a, b) => tf.div(a, b) },
  { name: 'div int32 is true division', inputs: [{ shape: [2], dtype: 'int32', fill: [7, -7] }, { shape: [2], dtype: 'int32', fill: [2, 2] }], run: st.div, expected: { dtype: 'float32', values: [3.5, -3.5] } },
  { name: 'neg', inputs: [{ shape: [5] }], run: st.neg, oracle: (tf, x) => tf.neg(x) },
  { name: 'exp', inputs: [{ shape: [2, 3] }], run: st.exp, oracle: (tf, x) => tf.exp(x) },
];
