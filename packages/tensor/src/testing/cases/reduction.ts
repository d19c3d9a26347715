import * as st from '../../index';
import type { OpCase } from '../conformance';

const NAN = NaN;
const INF = Infinity;
// 40 values (past webgpu's 32-wide ArgMinMax threshold) whose maximum 5 is tied at 3, 20 and 35.
const tiedWide = Array.from({ length: 40 }, (_, i) => (i === 3 || i === 20 || i === 35 ? 5 : (i % 7) - 3));

/** Reductions over axes (sum, mean, max, min, prod, all, any, logSumExp), argMax/argMin, cumsum. */
export const reductionCases: readonly OpCase[] = [
  // ---- sum ----
  { name: 'sum all axes', inputs: [{ shape: [2, 3, 4] }], run: (x) => st.sum(x), oracle: (tf, x) => tf.sum(x) },
  { name: 'sum axis 1', inputs: [{ shape: [2, 3, 4] }], run: (x) => st.sum(x, 1), oracle: (tf, x) => tf.sum(x, 1) },
  {
    name: 'sum axes [0,2] keepDims',
    inputs: [{ shape: [2, 3, 4] }],
    run: (x) => st.sum(x, [0, 2], true),
    oracle: (tf, x) => tf.sum(x, [0, 2], true),
  },
  { name: 'sum axis -1', inputs: [{ shape: [3, 5] }], run: (x) => st.sum(x, -1), oracle: (tf, x) => tf.sum(x, -1) },
  {
    name: 'sum axes [2,0] unsorted',
    inputs: [{ shape: [2, 3, 4] }],
    run: (x) => st.sum(x, [2, 0]),
    oracle: (tf, x) => tf.sum(x, [0, 2]),
  },
  {
    name: 'sum rank 0',
    inputs: [{ shape: [], fill: [2.5] }],
    run: (x) => st.sum(x),
    expected: { shape: [], values: [2.5] },
  },
  {
    name: 'sum rank 0 axis 0 keepDims',
    inputs: [{ shape: [], fill: [2.5] }],
    run: (x) => st.sum(x, 0, true),
    expected: { shape: [], values: [2.5] },
  },
  {
    name: 'sum axis [] reduces nothing',
    inputs: [{ shape: [2, 2], fill: [1, 2, 3, 4] }],
    run: (x) => st.sum(x, []),
    expected: { shape: [2, 2], values: [1, 2, 3, 4] },
  },
  {
    name: 'sum empty axis gives 0',
    inputs: [{ shape: [0, 3] }],
    run: (x) => st.sum(x, 0),
    expected: { shape: [3], values: [0, 0, 0] },
  },
  {
    name: 'sum of empty output',
    inputs: [{ shape: [0, 3] }],
    run: (x) => st.sum(x, 1),
    expected: { shape: [0], values: [] },
  },
  {
    name: 'sum int32 stays int32',
    inputs: [{ shape: [2, 3], dtype: 'int32' }],
    run: (x) => st.sum(x, 1),
    oracle: (tf, x) => tf.sum(x, 1),
    expected: { dtype: 'int32' },
  },
  {
    name: 'sum bool counts as int32',
    inputs: [{ shape: [2, 3], dtype: 'bool', fill: [1, 0, 1, 1, 1, 0] }],
    run: (x) => st.sum(x, 1),
    expected: { dtype: 'int32', values: [2, 2] },
  },
  {
    name: 'sum NaN and inf',
    inputs: [{ shape: [3, 2], fill: [1, NAN, INF, 1, INF, -INF] }],
    run: (x) => st.sum(x, 1),
    expected: { values: [NAN, INF, NAN] },
  },
  {
    name: 'sum of a JS array',
    inputs: [],
    run: () =>
      st.sum(
        [
          [1, 2],
          [3, 4],
        ],
        0,
      ),
    expected: { shape: [2], values: [4, 6] },
  },
  {
    name: 'sum bad axis',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.sum(x, 2),
    throws: /^sum: axis must be an integer in \[-2, 1\] for a tensor of rank 2, received 2$/,
  },
  {
    name: 'sum bad negative axis',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.sum(x, [0, -3]),
    throws: /^sum: axis must be an integer in \[-2, 1\] for a tensor of rank 2, received -3$/,
  },
  {
    name: 'sum repeated axis',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.sum(x, [1, -1]),
    throws: /^sum: axis contains a repeated axis: received \[1,-1\]$/,
  },
  {
    name: 'sum bad keepDims',
    inputs: [{ shape: [2] }],
    run: (x) => st.sum(x, 0, 1 as unknown as boolean),
    throws: /^sum: keepDims must be a boolean, received 1$/,
  },

  // ---- mean ----
  { name: 'mean all axes', inputs: [{ shape: [3, 4] }], run: (x) => st.mean(x), oracle: (tf, x) => tf.mean(x) },
  {
    name: 'mean axis 0 keepDims',
    inputs: [{ shape: [3, 4] }],
    run: (x) => st.mean(x, 0, true),
    oracle: (tf, x) => tf.mean(x, 0, true),
  },
  {
    name: 'mean axes [-1,-3]',
    inputs: [{ shape: [2, 3, 4] }],
    run: (x) => st.mean(x, [-1, -3]),
    oracle: (tf, x) => tf.mean(x, [0, 2]),
  },
  {
    name: 'mean int32 is float32',
    inputs: [{ shape: [2, 2], dtype: 'int32', fill: [1, 2, 3, 6] }],
    run: (x) => st.mean(x, 1),
    expected: { dtype: 'float32', values: [1.5, 4.5] },
  },
  {
    name: 'mean bool is the fraction true',
    inputs: [{ shape: [4], dtype: 'bool', fill: [1, 0, 1, 1] }],
    run: (x) => st.mean(x),
    expected: { dtype: 'float32', values: [0.75] },
  },
  {
    name: 'mean empty is NaN',
    inputs: [{ shape: [0, 2] }],
    run: (x) => st.mean(x, 0),
    expected: { shape: [2], values: [NAN, NAN] },
  },
  {
    name: 'mean rank 0',
    inputs: [{ shape: [], dtype: 'int32', fill: [3] }],
    run: (x) => st.mean(x),
    expected: { shape: [], dtype: 'float32', values: [3] },
  },
  {
    name: 'mean bad axis',
    inputs: [{ shape: [2, 3, 4] }],
    run: (x) => st.mean(x, 3),
    throws: /^mean: axis must be an integer in \[-3, 2\] for a tensor of rank 3, received 3$/,
  },

  // ---- max / min ----
  { name: 'max all axes', inputs: [{ shape: [2, 3, 4] }], run: (x) => st.max(x), oracle: (tf, x) => tf.max(x) },
  { name: 'max axis 1', inputs: [{ shape: [2, 3, 4] }], run: (x) => st.max(x, 1), oracle: (tf, x) => tf.max(x, 1) },
  {
    name: 'max axes [0,2] keepDims',
    inputs: [{ shape: [2, 3, 4] }],
    run: (x) => st.max(x, [0, 2], true),
    oracle: (tf, x) => tf.max(x, [0, 2], true),
  },
  {
    name: 'max int32',
    inputs: [{ shape: [3, 4], dtype: 'int32' }],
    run: (x) => st.max(x, -1),
    oracle: (tf, x) => tf.max(x, -1),
    expected: { dtype: 'int32' },
  },
  {
    name: 'max bool',
    inputs: [{ shape: [2, 3], dtype: 'bool', fill: [0, 1, 0, 0, 0, 0] }],
    run: (x) => st.max(x, 1),
    expected: { dtype: 'bool', values: [1, 0] },
  },
  {
    name: 'max NaN propagates',
    inputs: [{ shape: [3, 3], fill: [1, NAN, 3, NAN, 2, 1, -INF, 5, INF] }],
    run: (x) => st.max(x, 1),
    expected: { values: [NAN, NAN, INF] },
  },
  {
    name: 'max NaN along axis 0',
    inputs: [{ shape: [2, 2], fill: [1, 2, NAN, 0] }],
    run: (x) => st.max(x, 0),
    expected: { values: [NAN, 2] },
  },
  {
    name: 'max empty is -inf',
    inputs: [{ shape: [2, 0] }],
    run: (x) => st.max(x, 1),
    expected: { shape: [2], values: [-INF, -INF] },
  },
  {
    name: 'max empty int32 is the lowest int32',
    inputs: [{ shape: [0], dtype: 'int32' }],
    run: (x) => st.max(x),
    expected: { shape: [], dtype: 'int32', values: [-2147483648] },
  },
  {
    name: 'max rank 0',
    inputs: [{ shape: [], fill: [-1.5] }],
    run: (x) => st.max(x),
    expected: { shape: [], values: [-1.5] },
  },
  {
    name: 'max bad axis',
    inputs: [{ shape: [4] }],
    run: (x) => st.max(x, -2),
    throws: /^max: axis must be an integer in \[-1, 0\] for a tensor of rank 1, received -2$/,
  },
  { name: 'min all axes', inputs: [{ shape: [2, 3, 4] }], run: (x) => st.min(x), oracle: (tf, x) => tf.min(x) },
  {
    name: 'min axis 0 keepDims',
    inputs: [{ shape: [2, 3, 4] }],
    run: (x) => st.min(x, 0, true),
    oracle: (tf, x) => tf.min(x, 0, true),
  },
  {
    name: 'min axes [1,2]',
    inputs: [{ shape: [2, 3, 4] }],
    run: (x) => st.min(x, [1, 2]),
    oracle: (tf, x) => tf.min(x, [1, 2]),
  },
  {
    name: 'min int32',
    inputs: [{ shape: [3, 4], dtype: 'int32' }],
    run: (x) => st.min(x, 0),
    oracle: (tf, x) => tf.min(x, 0),
    expected: { dtype: 'int32' },
  },
  {
    name: 'min bool',
    inputs: [{ shape: [2, 3], dtype: 'bool', fill: [1, 1, 1, 1, 0, 1] }],
    run: (x) => st.min(x, 1),
    expected: { dtype: 'bool', values: [1, 0] },
  },
  {
    name: 'min NaN propagates',
    inputs: [{ shape: [3, 3], fill: [1, NAN, 3, 2, 2, NAN, -INF, 5, INF] }],
    run: (x) => st.min(x, 1),
    expected: { values: [NAN, NAN, -INF] },
  },
  {
    name: 'min empty is +inf',
    inputs: [{ shape: [0, 2] }],
    run: (x) => st.min(x, 0),
    expected: { shape: [2], values: [INF, INF] },
  },
  {
    name: 'min bad axis',
    inputs: [{ shape: [2, 2] }],
    run: (x) => st.min(x, [0, 2]),
    throws: /^min: axis must be an integer in \[-2, 1\] for a tensor of rank 2, received 2$/,
  },

  // ---- prod ----
  {
    name: 'prod all axes',
    inputs: [{ shape: [2, 3], fill: 'positive' }],
    run: (x) => st.prod(x),
    oracle: (tf, x) => tf.prod(x),
  },
  {
    name: 'prod axis -2 keepDims',
    inputs: [{ shape: [3, 2, 2] }],
    run: (x) => st.prod(x, -2, true),
    oracle: (tf, x) => tf.prod(x, -2, true),
  },
  {
    name: 'prod axes [0,2]',
    inputs: [{ shape: [2, 3, 2] }],
    run: (x) => st.prod(x, [0, 2]),
    oracle: (tf, x) => tf.prod(x, [0, 2]),
  },
  {
    name: 'prod int32',
    inputs: [{ shape: [2, 3], dtype: 'int32' }],
    run: (x) => st.prod(x, 1),
    oracle: (tf, x) => tf.prod(x, 1),
    expected: { dtype: 'int32' },
  },
  {
    name: 'prod bool is int32',
    inputs: [{ shape: [2, 2], dtype: 'bool', fill: [1, 1, 0, 1] }],
    run: (x) => st.prod(x, 1),
    expected: { dtype: 'int32', values: [1, 0] },
  },
  {
    name: 'prod empty is 1',
    inputs: [{ shape: [2, 0], dtype: 'int32' }],
    run: (x) => st.prod(x, 1),
    expected: { shape: [2], dtype: 'int32', values: [1, 1] },
  },

  // ---- all / any ----
  {
    name: 'all axis 1',
    inputs: [{ shape: [3, 4], dtype: 'bool' }],
    run: (x) => st.all(x, 1),
    oracle: (tf, x) => tf.all(x, 1),
  },
  {
    name: 'all of everything',
    inputs: [{ shape: [2, 2], dtype: 'bool', fill: [1, 1, 1, 1] }],
    run: (x) => st.all(x),
    expected: { shape: [], dtype: 'bool', values: [1] },
  },
  {
    name: 'all axes [0,2] keepDims',
    inputs: [{ shape: [2, 3, 2], dtype: 'bool' }],
    run: (x) => st.all(x, [0, 2], true),
    oracle: (tf, x) => tf.all(x, [0, 2], true),
  },
  {
    name: 'all of numbers is x != 0',
    inputs: [{ shape: [2, 3], fill: [0.5, -2, 3, 1, 0, 1] }],
    run: (x) => st.all(x, 1),
    expected: { dtype: 'bool', values: [1, 0] },
  },
  {
    name: 'all empty is true',
    inputs: [{ shape: [0], dtype: 'bool' }],
    run: (x) => st.all(x),
    expected: { shape: [], dtype: 'bool', values: [1] },
  },
  {
    name: 'any axis 0',
    inputs: [{ shape: [3, 4], dtype: 'bool' }],
    run: (x) => st.any(x, 0),
    oracle: (tf, x) => tf.any(x, 0),
  },
  {
    name: 'any axis -1 keepDims',
    inputs: [{ shape: [2, 3, 2], dtype: 'bool' }],
    run: (x) => st.any(x, -1, true),
    oracle: (tf, x) => tf.any(x, -1, true),
  },
  {
    name: 'any of numbers is x != 0',
    inputs: [{ shape: [2, 3], dtype: 'int32', fill: [0, 0, -3, 0, 0, 0] }],
    run: (x) => st.any(x, 1),
    expected: { dtype: 'bool', values: [1, 0] },
  },
  {
    name: 'any of small floats',
    inputs: [{ shape: [3], fill: [0, 0.25, 0] }],
    run: (x) => st.any(x),
    expected: { dtype: 'bool', values: [1] },
  },
  {
    name: 'any empty is false',
    inputs: [{ shape: [2, 0], dtype: 'bool' }],
    run: (x) => st.any(x, 1),
    expected: { shape: [2], dtype: 'bool', values: [0, 0] },
  },
  {
    name: 'any bad axis',
    inputs: [{ shape: [2], dtype: 'bool' }],
    run: (x) => st.any(x, 1),
    throws: /^any: axis must be an integer in \[-1, 0\] for a tensor of rank 1, received 1$/,
  },

  // ---- logSumExp ----
  {
    name: 'logSumExp all axes',
    inputs: [{ shape: [3, 4] }],
    run: (x) => st.logSumExp(x),
    oracle: (tf, x) => tf.logSumExp(x),
  },
  {
    name: 'logSumExp axis 1',
    inputs: [{ shape: [3, 4] }],
    run: (x) => st.logSumExp(x, 1),
    oracle: (tf, x) => tf.logSumExp(x, 1),
  },
  {
    name: 'logSumExp axes [0,2] keepDims',
    inputs: [{ shape: [2, 3, 2] }],
    run: (x) => st.logSumExp(x, [0, 2], true),
    oracle: (tf, x) => tf.logSumExp(x, [0, 2], true),
  },
  {
    name: 'logSumExp axis -1',
    inputs: [{ shape: [2, 5] }],
    run: (x) => st.logSumExp(x, -1),
    oracle: (tf, x) => tf.logSumExp(x, -1),
  },
  {
    name: 'logSumExp large values stay finite',
    inputs: [{ shape: [2, 2], fill: [1000, 1000, -1000, -1000] }],
    run: (x) => st.logSumExp(x, 1),
    expected: { values: [1000 + Math.LN2, -1000 + Math.LN2] },
  },
  {
    name: 'logSumExp infinities and NaN',
    inputs: [{ shape: [4, 2], fill: [INF, 1, -INF, -INF, INF, -INF, NAN, 1] }],
    run: (x) => st.logSumExp(x, 1),
    expected: { values: [INF, -INF, INF, NAN] },
  },
  {
    name: 'logSumExp int32 is float32',
    inputs: [{ shape: [2], dtype: 'int32', fill: [0, 0] }],
    run: (x) => st.logSumExp(x),
    expected: { dtype: 'float32', values: [Math.LN2] },
  },
  {
    name: 'logSumExp empty is -inf',
    inputs: [{ shape: [0, 2] }],
    run: (x) => st.logSumExp(x, 0),
    expected: { shape: [2], values: [-INF, -INF] },
  },
  {
    name: 'logSumExp rank 0',
    inputs: [{ shape: [], fill: [0.5] }],
    run: (x) => st.logSumExp(x),
    expected: { shape: [], values: [0.5] },
  },
  {
    name: 'logSumExp bad axis',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.logSumExp(x, -3),
    throws: /^logSumExp: axis must be an integer in \[-2, 1\] for a tensor of rank 2, received -3$/,
  },

  // ---- argMax / argMin ----
  {
    name: 'argMax default axis 0',
    inputs: [{ shape: [4, 3] }],
    run: (x) => st.argMax(x),
    oracle: (tf, x) => tf.argMax(x),
    expected: { dtype: 'int32' },
  },
  {
    name: 'argMax axis 1',
    inputs: [{ shape: [2, 3, 4] }],
    run: (x) => st.argMax(x, 1),
    oracle: (tf, x) => tf.argMax(x, 1),
  },
  {
    name: 'argMax axis -1',
    inputs: [{ shape: [3, 5] }],
    run: (x) => st.argMax(x, -1),
    oracle: (tf, x) => tf.argMax(x, -1),
  },
  {
    name: 'argMax keepDims',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.argMax(x, 1, true),
    oracle: (tf, x) => tf.expandDims(tf.argMax(x, 1), 1),
  },
  {
    name: 'argMax int32',
    inputs: [{ shape: [3, 4], dtype: 'int32' }],
    run: (x) => st.argMax(x, 1),
    expected: { dtype: 'int32' },
    oracle: (tf, x) => tf.argMax(x, 1),
  },
  {
    name: 'argMax bool',
    inputs: [{ shape: [2, 3], dtype: 'bool', fill: [0, 1, 1, 0, 0, 0] }],
    run: (x) => st.argMax(x, 1),
    expected: { values: [1, 0] },
  },
  {
    name: 'argMax ties give the first',
    inputs: [{ shape: [2, 4], fill: [1, 3, 3, 3, 2, 2, 0, 2] }],
    run: (x) => st.argMax(x, 1),
    expected: { values: [1, 0] },
  },
  {
    name: 'argMax ties in a long row give the first',
    inputs: [{ shape: [40], fill: tiedWide }],
    run: (x) => st.argMax(x),
    expected: { values: [3] },
  },
  {
    name: 'argMax NaN counts as the largest',
    inputs: [{ shape: [3, 3], fill: [1, NAN, 3, 5, 2, NAN, NAN, NAN, 1] }],
    run: (x) => st.argMax(x, 1),
    expected: { values: [1, 2, 0] },
  },
  {
    name: 'argMax inf',
    inputs: [{ shape: [4], fill: [-INF, INF, 2, INF] }],
    run: (x) => st.argMax(x),
    expected: { values: [1] },
  },
  {
    name: 'argMax all -inf',
    inputs: [{ shape: [3], fill: [-INF, -INF, -INF] }],
    run: (x) => st.argMax(x),
    expected: { values: [0] },
  },
  {
    name: 'argMax rank 0',
    inputs: [{ shape: [], fill: [7] }],
    run: (x) => st.argMax(x),
    expected: { shape: [], dtype: 'int32', values: [0] },
  },
  {
    name: 'argMax empty rows',
    inputs: [{ shape: [0, 3] }],
    run: (x) => st.argMax(x, 1),
    expected: { shape: [0], values: [] },
  },
  {
    name: 'argMax empty axis',
    inputs: [{ shape: [2, 0] }],
    run: (x) => st.argMax(x, 1),
    throws: /^argMax: cannot take the argMax of an empty axis: x.shape=\[2,0\], axis 1 has size 0$/,
  },
  {
    name: 'argMax bad axis',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.argMax(x, 2),
    throws: /^argMax: axis must be an integer in \[-2, 1\] for a tensor of rank 2, received 2$/,
  },
  {
    name: 'argMax several axes',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.argMax(x, [0, 1] as unknown as number),
    throws: /^argMax: axis must be one integer \(the argMax over several axes is not defined\), received \[0,1\]$/,
  },
  {
    name: 'argMin default axis 0',
    inputs: [{ shape: [4, 3] }],
    run: (x) => st.argMin(x),
    oracle: (tf, x) => tf.argMin(x),
  },
  {
    name: 'argMin axis -1',
    inputs: [{ shape: [2, 3, 4] }],
    run: (x) => st.argMin(x, -1),
    oracle: (tf, x) => tf.argMin(x, -1),
  },
  {
    name: 'argMin int32',
    inputs: [{ shape: [3, 4], dtype: 'int32' }],
    run: (x) => st.argMin(x, 0),
    oracle: (tf, x) => tf.argMin(x, 0),
  },
  {
    name: 'argMin ties in a long row give the first',
    inputs: [{ shape: [40], fill: tiedWide.map((v) => -v) }],
    run: (x) => st.argMin(x),
    expected: { values: [3] },
  },
  {
    name: 'argMin NaN counts as the smallest',
    inputs: [{ shape: [2, 3], fill: [-1, 0, NAN, -5, NAN, NAN] }],
    run: (x) => st.argMin(x, 1),
    expected: { values: [2, 1] },
  },
  {
    name: 'argMin bad axis',
    inputs: [{ shape: [3] }],
    run: (x) => st.argMin(x, 1),
    throws: /^argMin: axis must be an integer in \[-1, 0\] for a tensor of rank 1, received 1$/,
  },

  // ---- cumsum ----
  {
    name: 'cumsum default axis 0',
    inputs: [{ shape: [4, 3] }],
    run: (x) => st.cumsum(x),
    oracle: (tf, x) => tf.cumsum(x),
  },
  {
    name: 'cumsum axis 1',
    inputs: [{ shape: [2, 5] }],
    run: (x) => st.cumsum(x, 1),
    oracle: (tf, x) => tf.cumsum(x, 1),
  },
  {
    name: 'cumsum axis -2 of rank 3',
    inputs: [{ shape: [2, 3, 2] }],
    run: (x) => st.cumsum(x, -2),
    oracle: (tf, x) => tf.cumsum(x, 1),
  },
  {
    name: 'cumsum exclusive',
    inputs: [{ shape: [2, 4] }],
    run: (x) => st.cumsum(x, 1, { exclusive: true }),
    oracle: (tf, x) => tf.cumsum(x, 1, true),
  },
  {
    name: 'cumsum reverse',
    inputs: [{ shape: [3, 2] }],
    run: (x) => st.cumsum(x, 0, { reverse: true }),
    oracle: (tf, x) => tf.cumsum(x, 0, false, true),
  },
  {
    name: 'cumsum exclusive reverse',
    inputs: [{ shape: [5] }],
    run: (x) => st.cumsum(x, 0, { exclusive: true, reverse: true }),
    oracle: (tf, x) => tf.cumsum(x, 0, true, true),
  },
  {
    name: 'cumsum values',
    inputs: [{ shape: [4], fill: [1, 2, 3, 4] }],
    run: (x) => st.cumsum(x, 0, { exclusive: true }),
    expected: { values: [0, 1, 3, 6] },
  },
  {
    name: 'cumsum int32',
    inputs: [{ shape: [2, 3], dtype: 'int32' }],
    run: (x) => st.cumsum(x, 1),
    oracle: (tf, x) => tf.cumsum(x, 1),
    expected: { dtype: 'int32' },
  },
  {
    name: 'cumsum bool counts as int32',
    inputs: [{ shape: [4], dtype: 'bool', fill: [1, 1, 0, 1] }],
    run: (x) => st.cumsum(x),
    expected: { dtype: 'int32', values: [1, 2, 2, 3] },
  },
  {
    name: 'cumsum rank 0',
    inputs: [{ shape: [], fill: [3] }],
    run: (x) => st.cumsum(x),
    expected: { shape: [], values: [3] },
  },
  {
    name: 'cumsum rank 0 exclusive',
    inputs: [{ shape: [], fill: [3] }],
    run: (x) => st.cumsum(x, 0, { exclusive: true }),
    expected: { shape: [], values: [0] },
  },
  {
    name: 'cumsum empty',
    inputs: [{ shape: [0, 3] }],
    run: (x) => st.cumsum(x, 1),
    expected: { shape: [0, 3], values: [] },
  },
  {
    name: 'cumsum NaN propagates forward',
    inputs: [{ shape: [3], fill: [1, NAN, 2] }],
    run: (x) => st.cumsum(x),
    expected: { values: [1, NAN, NAN] },
  },
  {
    name: 'cumsum bad axis',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.cumsum(x, 2),
    throws: /^cumsum: axis must be an integer in \[-2, 1\] for a tensor of rank 2, received 2$/,
  },
  {
    name: 'cumsum bad option',
    inputs: [{ shape: [2] }],
    run: (x) => st.cumsum(x, 0, { reverse: 'yes' as unknown as boolean }),
    throws: /^cumsum: options.exclusive and options.reverse must be booleans, received exclusive=false, reverse=yes$/,
  },
];
