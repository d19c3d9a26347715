import type * as tfc from '@tensorflow/tfjs-core';
import * as st from '@strata/tensor';
import type { GradientCase } from '../gradient-case';

/**
 * tfjs has no gradient for StridedSlice, GatherNd or ScatterNd, and its MirrorPad gradient drops
 * the mirrored borders: those oracles are the same functions written with tfjs ops that have
 * correct gradients (gather, reverse, concat, matMul).
 */
function mirrorPad1d(
  tf: typeof tfc,
  x: tfc.Tensor,
  axis: number,
  [before, after]: [number, number],
  edge: number,
): tfc.Tensor {
  const n = x.shape[axis];
  const take = (from: number, size: number) =>
    tf.reverse(
      tf.slice(
        x,
        x.shape.map((_, a) => (a === axis ? from : 0)),
        x.shape.map((d, a) => (a === axis ? size : d)),
      ),
      axis,
    );
  const parts = [...(before > 0 ? [take(edge, before)] : []), x, ...(after > 0 ? [take(n - edge - after, after)] : [])];
  return tf.concat(parts, axis);
}

export const shapeGradientCases: readonly GradientCase[] = [
  {
    name: 'reshape [2,3]->[3,2]',
    op: 'reshape',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.reshape(x, [3, 2]),
    oracle: (tf, x) => tf.reshape(x, [3, 2]),
  },
  {
    name: 'reshape with -1',
    op: 'reshape',
    inputs: [{ shape: [2, 2, 2] }],
    run: (x) => st.reshape(x, [-1, 2]),
    oracle: (tf, x) => tf.reshape(x, [-1, 2]),
  },
  {
    name: 'expandDims axis 1',
    op: 'expandDims',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.expandDims(x, 1),
    oracle: (tf, x) => tf.expandDims(x, 1),
  },
  {
    name: 'squeeze',
    op: 'squeeze',
    inputs: [{ shape: [2, 1, 3] }],
    run: (x) => st.squeeze(x),
    oracle: (tf, x) => tf.squeeze(x),
  },
  {
    name: 'clone',
    op: 'clone',
    inputs: [{ shape: [4] }],
    run: (x) => st.mul(st.clone(x), x),
    oracle: (tf, x) => tf.mul(tf.clone(x), x),
  },
  {
    name: 'cast float32->float32',
    op: 'cast',
    inputs: [{ shape: [4] }],
    run: (x) => st.mul(st.cast(x, 'float32'), x),
    oracle: (tf, x) => tf.mul(tf.cast(x, 'float32'), x),
  },
  {
    name: 'transpose [2,3,4] perm [2,0,1]',
    op: 'transpose',
    inputs: [{ shape: [2, 3, 4] }],
    run: (x) => st.transpose(x, [2, 0, 1]),
    oracle: (tf, x) => tf.transpose(x, [2, 0, 1]),
  },
  {
    name: 'reverse axis 1',
    op: 'reverse',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.reverse(x, 1),
    oracle: (tf, x) => tf.reverse(x, 1),
  },
  {
    name: 'broadcastTo [3,1]->[2,3,4]',
    op: 'broadcastTo',
    inputs: [{ shape: [3, 1] }],
    run: (x) => st.broadcastTo(x, [2, 3, 4]),
    oracle: (tf, x) => tf.broadcastTo(x, [2, 3, 4]),
  },
  {
    name: 'tile [2,3] x [2,1]',
    op: 'tile',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.tile(x, [2, 1]),
    oracle: (tf, x) => tf.tile(x, [2, 1]),
  },
  {
    name: 'tile [2,1,2] x [1,3,2]',
    op: 'tile',
    inputs: [{ shape: [2, 1, 2] }],
    run: (x) => st.tile(x, [1, 3, 2]),
    oracle: (tf, x) => tf.tile(x, [1, 3, 2]),
  },
  {
    name: 'concat axis 1',
    op: 'concat',
    inputs: [{ shape: [2, 1] }, { shape: [2, 3] }],
    run: (a, b) => st.concat([a, b], 1),
    oracle: (tf, a, b) => tf.concat([a, b], 1),
  },
  {
    name: 'concat one tensor twice',
    op: 'concat',
    inputs: [{ shape: [3] }],
    run: (a) => st.concat([a, a], 0),
    oracle: (tf, a) => tf.concat([a, a], 0),
  },
  {
    name: 'stack axis 1',
    op: 'stack',
    inputs: [{ shape: [2, 3] }, { shape: [2, 3] }],
    run: (a, b) => st.stack([a, b], 1),
    oracle: (tf, a, b) => tf.stack([a, b], 1),
  },
  {
    name: 'unstack axis 1, all parts',
    op: 'unstack',
    inputs: [{ shape: [2, 3] }],
    run: (x) => {
      const [a, b, c] = st.unstack(x, 1);
      return st.sub(st.mul(a, c), b);
    },
    oracle: (tf, x) => {
      const [a, b, c] = tf.unstack(x, 1);
      return tf.sub(tf.mul(a, c), b);
    },
  },
  {
    name: 'unstack, one part used',
    op: 'unstack',
    inputs: [{ shape: [3, 2] }],
    run: (x) => st.unstack(x, 0)[1],
    oracle: (tf, x) => tf.unstack(x, 0)[1],
  },
  {
    name: 'split sizes [1,2] axis 1',
    op: 'split',
    inputs: [{ shape: [2, 3] }],
    run: (x) => {
      const [a, b] = st.split(x, [1, 2], 1);
      return st.mul(a, b);
    },
    oracle: (tf, x) => {
      const [a, b] = tf.split(x, [1, 2], 1);
      return tf.mul(a, b);
    },
  },
  {
    name: 'split, one part used',
    op: 'split',
    inputs: [{ shape: [4, 2] }],
    run: (x) => st.split(x, 2, 0)[0],
    oracle: (tf, x) => tf.split(x, 2, 0)[0],
  },
  {
    name: 'slice [3,4] begin [1,1] size [2,2]',
    op: 'slice',
    inputs: [{ shape: [3, 4] }],
    run: (x) => st.slice(x, [1, 1], [2, 2]),
    oracle: (tf, x) => tf.slice(x, [1, 1], [2, 2]),
  },
  {
    name: 'slice size -1',
    op: 'slice',
    inputs: [{ shape: [3, 4] }],
    run: (x) => st.slice(x, [1, 2], [-1, -1]),
    oracle: (tf, x) => tf.slice(x, [1, 2], [-1, -1]),
  },
  {
    name: 'stridedSlice stride 2 and -1',
    op: 'stridedSlice',
    inputs: [{ shape: [5, 4] }],
    run: (x) => st.stridedSlice(x, [0, 3], [5, 0], [2, -1]),
    oracle: (tf, x) => tf.gather(tf.gather(x, [0, 2, 4], 0), [3, 2, 1], 1),
  },
  {
    name: 'stridedSlice stride -2, shrink, new axis',
    op: 'stridedSlice',
    inputs: [{ shape: [3, 6] }],
    run: (x) => st.stridedSlice(x, [1, 0, 5], [2, 0, 0], [1, 1, -2], { shrinkAxisMask: 1, newAxisMask: 2 }),
    oracle: (tf, x) => tf.reshape(tf.gather(tf.gather(x, [1], 0), [5, 3, 1], 1), [1, 3]),
  },
  {
    name: 'pad constant',
    op: 'pad',
    inputs: [{ shape: [2, 3] }],
    run: (x) =>
      st.pad(
        x,
        [
          [1, 0],
          [2, 1],
        ],
        { constantValue: 3 },
      ),
    oracle: (tf, x) =>
      tf.pad(
        x,
        [
          [1, 0],
          [2, 1],
        ],
        3,
      ),
  },
  {
    name: 'pad reflect',
    op: 'pad',
    inputs: [{ shape: [3, 4] }],
    run: (x) =>
      st.pad(
        x,
        [
          [2, 1],
          [1, 3],
        ],
        { mode: 'reflect' },
      ),
    oracle: (tf, x) => mirrorPad1d(tf, mirrorPad1d(tf, x, 0, [2, 1], 1), 1, [1, 3], 1),
  },
  {
    name: 'pad symmetric',
    op: 'pad',
    inputs: [{ shape: [3, 2] }],
    run: (x) =>
      st.pad(
        x,
        [
          [3, 2],
          [0, 2],
        ],
        { mode: 'symmetric' },
      ),
    oracle: (tf, x) => mirrorPad1d(tf, mirrorPad1d(tf, x, 0, [3, 2], 0), 1, [0, 2], 0),
  },
  {
    name: 'gather axis 0 with duplicates',
    op: 'gather',
    inputs: [{ shape: [4, 2] }, { shape: [5], dtype: 'int32', fill: [3, 0, 3, 1, 3] }],
    run: (x, i) => st.gather(x, i),
    oracle: (tf, x, i) => tf.gather(x, i),
  },
  {
    name: 'gather axis 1, 2-d indices',
    op: 'gather',
    inputs: [{ shape: [2, 3, 2] }, { shape: [2, 2], dtype: 'int32', fill: [2, 0, 0, 0] }],
    run: (x, i) => st.gather(x, i, 1),
    oracle: (tf, x, i) => tf.gather(x, i, 1),
  },
  {
    name: 'gather batchDims 1',
    op: 'gather',
    inputs: [{ shape: [2, 3, 2] }, { shape: [2, 2], dtype: 'int32', fill: [2, 2, 0, 1] }],
    run: (x, i) => st.gather(x, i, 1, 1),
    oracle: (tf, x) =>
      tf.stack([
        tf.gather(tf.slice(x, [0, 0, 0], [1, 3, 2]).squeeze([0]), [2, 2]),
        tf.gather(tf.slice(x, [1, 0, 0], [1, 3, 2]).squeeze([0]), [0, 1]),
      ]),
  },
  {
    name: 'gatherND with duplicates',
    op: 'gatherND',
    inputs: [{ shape: [3, 2] }, { shape: [3, 2], dtype: 'int32', fill: [0, 1, 2, 0, 0, 1] }],
    run: (x, i) => st.gatherND(x, i),
    oracle: (tf, x) => tf.gather(tf.reshape(x, [-1]), [1, 4, 1]),
  },
  {
    name: 'scatterND updates, duplicate rows',
    op: 'scatterND',
    inputs: [{ shape: [3, 1], dtype: 'int32', fill: [1, 3, 1] }, { shape: [3, 2] }],
    run: (i, u) => st.scatterND(i, u, [4, 2]),
    oracle: (tf, _i, u) => tf.matMul(tf.oneHot([1, 3, 1], 4).cast('float32'), u, true, false),
  },
];
