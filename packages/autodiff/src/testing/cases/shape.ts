import * as st from '@strata/tensor';
import type { GradientCase } from '../gradient-case';

export const shapeGradientCases: readonly GradientCase[] = [
  { name: 'reshape [2,3]->[3,2]', op: 'reshape', inputs: [{ shape: [2, 3] }], run: (x) => st.reshape(x, [3, 2]), oracle: (tf, x) => tf.reshape(x, [3, 2]) },
  { name: 'reshape with -1', op: 'reshape', inputs: [{ shape: [2, 2, 2] }], run: (x) => st.reshape(x, [-1, 2]), oracle: (tf, x) => tf.reshape(x, [-1, 2]) },
  { name: 'cast float32->float32', op: 'cast', inputs: [{ shape: [4] }], run: (x) => st.mul(st.cast(x, 'float32'), x), oracle: (tf, x) => tf.mul(tf.cast(x, 'float32'), x) },
];
