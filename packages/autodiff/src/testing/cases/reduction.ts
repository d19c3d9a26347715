import * as st from '@strata/tensor';
import type { GradientCase } from '../gradient-case';

// tfjs's cumsum gradient is wrong for an axis other than the last: the oracle transposes instead.
const DISTINCT_2x3 = [0.3, -1.2, 2.1, 1.4, -0.2, 0.9];

export const reductionGradientCases: readonly GradientCase[] = [
  { name: 'sum all', op: 'sum', inputs: [{ shape: [2, 3] }], run: (x) => st.sum(x), oracle: (tf, x) => tf.sum(x) },
  {
    name: 'sum axis 1',
    op: 'sum',
    inputs: [{ shape: [2, 3, 2] }],
    run: (x) => st.sum(x, 1),
    oracle: (tf, x) => tf.sum(x, 1),
  },
  {
    name: 'sum axes [0,2] keepDims',
    op: 'sum',
    inputs: [{ shape: [2, 3, 2] }],
    run: (x) => st.sum(x, [0, 2], true),
    oracle: (tf, x) => tf.sum(x, [0, 2], true),
  },
  { name: 'mean all', op: 'mean', inputs: [{ shape: [2, 3] }], run: (x) => st.mean(x), oracle: (tf, x) => tf.mean(x) },
  {
    name: 'mean axis -1 keepDims',
    op: 'mean',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.mean(x, -1, true),
    oracle: (tf, x) => tf.mean(x, -1, true),
  },
  {
    name: 'max axis 1',
    op: 'max',
    inputs: [{ shape: [2, 3], fill: DISTINCT_2x3 }],
    run: (x) => st.max(x, 1),
    oracle: (tf, x) => tf.max(x, 1),
  },
  {
    name: 'max all',
    op: 'max',
    inputs: [{ shape: [2, 3], fill: DISTINCT_2x3 }],
    run: (x) => st.max(x),
    oracle: (tf, x) => tf.max(x),
  },
  {
    name: 'min axis 0 keepDims',
    op: 'min',
    inputs: [{ shape: [2, 3], fill: DISTINCT_2x3 }],
    run: (x) => st.min(x, 0, true),
    oracle: (tf, x) => tf.min(x, 0, true),
  },
  {
    name: 'prod axis 1',
    op: 'prod',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.prod(x, 1),
    oracle: (tf, x) => tf.prod(x, 1),
  },
  {
    name: 'prod all',
    op: 'prod',
    inputs: [{ shape: [2, 2], fill: [0.5, -1.5, 2, 1.2] }],
    run: (x) => st.prod(x),
    oracle: (tf, x) => tf.prod(x),
  },
  {
    name: 'prod with one zero',
    op: 'prod',
    inputs: [{ shape: [2, 3], fill: [0, 1.5, -2, 0.7, 0, 0] }],
    run: (x) => st.prod(x, 1),
    oracle: (tf, x) => tf.prod(x, 1),
  },
  {
    name: 'logSumExp axis 1',
    op: 'logSumExp',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.logSumExp(x, 1),
    oracle: (tf, x) => tf.logSumExp(x, 1),
  },
  {
    name: 'logSumExp all keepDims',
    op: 'logSumExp',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.logSumExp(x, null, true),
    oracle: (tf, x) => tf.logSumExp(x, undefined, true),
  },
  {
    name: 'cumsum axis 1',
    op: 'cumsum',
    inputs: [{ shape: [2, 4] }],
    run: (x) => st.cumsum(x, 1),
    oracle: (tf, x) => tf.cumsum(x, 1),
  },
  {
    name: 'cumsum exclusive reverse',
    op: 'cumsum',
    inputs: [{ shape: [4, 2] }],
    run: (x) => st.cumsum(x, 0, { exclusive: true, reverse: true }),
    oracle: (tf, x) => tf.transpose(tf.cumsum(tf.transpose(x), 1, true, true)),
  },
];
