import * as st from '../../index';
import type { OpCase } from '../conformance';

const I = 'int32' as const;
const B = 'bool' as const;
const seq = (n: number, from = 0) => Array.from({ length: n }, (_, i) => i + from);

/**
 * Shape ops: cast, reshape, transpose, expandDims, squeeze, concat, stack, unstack, split, slice,
 * stridedSlice, gather, gatherND, scatterND, tile, pad, reverse, broadcastTo, oneHot, clone.
 * Out-of-range index values are tested in ops/shape/indices.test.ts: what they do depends on
 * whether the backend reads synchronously, which one table row cannot express.
 */
export const shapeCases: readonly OpCase[] = [
  // ---- cast ----
  {
    name: 'cast float32 to int32 truncates toward zero',
    inputs: [{ shape: [4], fill: [1.7, -1.7, 0.2, -0.9] }],
    run: (x) => st.cast(x, 'int32'),
    expected: { dtype: 'int32', values: [1, -1, 0, 0] },
  },
  {
    name: 'cast int32 to bool is x != 0',
    inputs: [{ shape: [4], dtype: I, fill: [0, 2, -1, 7] }],
    run: (x) => st.cast(x, 'bool'),
    expected: { dtype: 'bool', values: [0, 1, 1, 1] },
  },
  {
    name: 'cast float32 to bool is x != 0',
    inputs: [{ shape: [4], fill: [0, 0.5, NaN, -0.25] }],
    run: (x) => st.cast(x, 'bool'),
    expected: { dtype: 'bool', values: [0, 1, 1, 1] },
  },
  {
    name: 'cast bool to float32',
    inputs: [{ shape: [2, 2], dtype: B }],
    run: (x) => st.cast(x, 'float32'),
    oracle: (tf, x) => tf.cast(x, 'float32'),
  },
  {
    name: 'cast int32 to float32',
    inputs: [{ shape: [5], dtype: I }],
    run: (x) => st.cast(x, 'float32'),
    oracle: (tf, x) => tf.cast(x, 'float32'),
    expected: { dtype: 'float32' },
  },
  {
    name: 'cast bad dtype',
    inputs: [{ shape: [2] }],
    run: (x) => st.cast(x, 'float64' as never),
    throws: /^cast: dtype must be 'float32', 'int32' or 'bool', received "float64"$/,
  },

  // ---- reshape ----
  {
    name: 'reshape [2,3] to [3,2]',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.reshape(x, [3, 2]),
    oracle: (tf, x) => tf.reshape(x, [3, 2]),
  },
  {
    name: 'reshape with -1',
    inputs: [{ shape: [2, 3, 4], dtype: I }],
    run: (x) => st.reshape(x, [-1, 4]),
    oracle: (tf, x) => tf.reshape(x, [-1, 4]),
  },
  {
    name: 'reshape bool to rank 0',
    inputs: [{ shape: [1, 1], dtype: B, fill: [1] }],
    run: (x) => st.reshape(x, []),
    expected: { shape: [], dtype: 'bool', values: [1] },
  },
  {
    name: 'reshape empty',
    inputs: [{ shape: [0, 3] }],
    run: (x) => st.reshape(x, [3, 0, 2]),
    expected: { shape: [3, 0, 2], values: [] },
  },
  {
    name: 'reshape size mismatch',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.reshape(x, [4, 2]),
    throws: /^reshape: cannot reshape a tensor of shape \[2,3\] \(6 elements\) into \[4,2\] \(8 elements\)/,
  },
  {
    name: 'reshape two -1',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.reshape(x, [-1, -1]),
    throws: /^reshape: shape can contain at most one -1, received \[-1,-1\]$/,
  },

  // ---- transpose ----
  {
    name: 'transpose default reverses axes',
    inputs: [{ shape: [2, 3, 4] }],
    run: (x) => st.transpose(x),
    oracle: (tf, x) => tf.transpose(x),
  },
  {
    name: 'transpose perm [1,0,2]',
    inputs: [{ shape: [2, 3, 4] }],
    run: (x) => st.transpose(x, [1, 0, 2]),
    oracle: (tf, x) => tf.transpose(x, [1, 0, 2]),
  },
  {
    name: 'transpose negative perm entries',
    inputs: [{ shape: [2, 3, 4] }],
    run: (x) => st.transpose(x, [-1, 0, 1]),
    oracle: (tf, x) => tf.transpose(x, [2, 0, 1]),
  },
  {
    name: 'transpose rank 4 with merged axes',
    inputs: [{ shape: [2, 3, 2, 2], dtype: I }],
    run: (x) => st.transpose(x, [2, 3, 0, 1]),
    oracle: (tf, x) => tf.transpose(x, [2, 3, 0, 1]),
  },
  {
    name: 'transpose rank 5',
    inputs: [{ shape: [2, 1, 3, 2, 2] }],
    run: (x) => st.transpose(x, [4, 2, 0, 3, 1]),
    oracle: (tf, x) => tf.transpose(x, [4, 2, 0, 3, 1]),
  },
  {
    name: 'transpose size-1 axes only move',
    inputs: [{ shape: [1, 3, 1, 2] }],
    run: (x) => st.transpose(x, [2, 0, 1, 3]),
    oracle: (tf, x) => tf.transpose(x, [2, 0, 1, 3]),
  },
  {
    name: 'transpose bool',
    inputs: [{ shape: [3, 4], dtype: B }],
    run: (x) => st.transpose(x),
    oracle: (tf, x) => tf.transpose(x),
  },
  {
    name: 'transpose rank 0',
    inputs: [{ shape: [], fill: [4] }],
    run: (x) => st.transpose(x),
    expected: { shape: [], values: [4] },
  },
  {
    name: 'transpose identity perm',
    inputs: [{ shape: [2, 2], fill: [1, 2, 3, 4] }],
    run: (x) => st.transpose(x, [0, 1]),
    expected: { shape: [2, 2], values: [1, 2, 3, 4] },
  },
  {
    name: 'transpose empty',
    inputs: [{ shape: [0, 3] }],
    run: (x) => st.transpose(x),
    expected: { shape: [3, 0], values: [] },
  },
  {
    name: 'transpose bad perm',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.transpose(x, [0, 0]),
    throws: /^transpose: perm must be a permutation of the 2 axes of x \(shape \[2,3\]\), received \[0,0\]$/,
  },
  {
    name: 'transpose perm too short',
    inputs: [{ shape: [2, 3, 4] }],
    run: (x) => st.transpose(x, [1, 0]),
    throws: /^transpose: perm must be a permutation of the 3 axes of x \(shape \[2,3,4\]\), received \[1,0\]$/,
  },

  // ---- expandDims, squeeze ----
  {
    name: 'expandDims axis 0',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.expandDims(x),
    oracle: (tf, x) => tf.expandDims(x, 0),
  },
  {
    name: 'expandDims axis 2 (end)',
    inputs: [{ shape: [2, 3], dtype: I }],
    run: (x) => st.expandDims(x, 2),
    oracle: (tf, x) => tf.expandDims(x, 2),
  },
  {
    name: 'expandDims axis -1',
    inputs: [{ shape: [2, 3], dtype: B }],
    run: (x) => st.expandDims(x, -1),
    oracle: (tf, x) => tf.expandDims(x, 2),
  },
  {
    name: 'expandDims rank 0',
    inputs: [{ shape: [], fill: [3] }],
    run: (x) => st.expandDims(x),
    expected: { shape: [1], values: [3] },
  },
  {
    name: 'expandDims bad axis',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.expandDims(x, 3),
    throws: /^expandDims: axis must be an integer in \[-3, 2\] for x of rank 2, received 3$/,
  },
  {
    name: 'squeeze all size-1 axes',
    inputs: [{ shape: [1, 2, 1, 3, 1] }],
    run: (x) => st.squeeze(x),
    oracle: (tf, x) => tf.squeeze(x),
  },
  {
    name: 'squeeze given axes',
    inputs: [{ shape: [1, 2, 1, 3], dtype: I }],
    run: (x) => st.squeeze(x, [0, -2]),
    oracle: (tf, x) => tf.squeeze(x, [0, 2]),
  },
  {
    name: 'squeeze to rank 0',
    inputs: [{ shape: [1, 1], fill: [5] }],
    run: (x) => st.squeeze(x),
    expected: { shape: [], values: [5] },
  },
  {
    name: 'squeeze empty',
    inputs: [{ shape: [0, 1] }],
    run: (x) => st.squeeze(x, 1),
    expected: { shape: [0], values: [] },
  },
  {
    name: 'squeeze axis not 1',
    inputs: [{ shape: [1, 2, 3] }],
    run: (x) => st.squeeze(x, 1),
    throws: /^squeeze: cannot squeeze axis 1 of x \(shape \[1,2,3\]\): its size is 2, not 1$/,
  },

  // ---- concat ----
  {
    name: 'concat axis 0',
    inputs: [{ shape: [2, 3] }, { shape: [1, 3] }, { shape: [3, 3] }],
    run: (a, b, c) => st.concat([a, b, c]),
    oracle: (tf, a, b, c) => tf.concat([a, b, c]),
  },
  {
    name: 'concat axis 1',
    inputs: [{ shape: [2, 3] }, { shape: [2, 1] }],
    run: (a, b) => st.concat([a, b], 1),
    oracle: (tf, a, b) => tf.concat([a, b], 1),
  },
  {
    name: 'concat axis -1 rank 3 int32',
    inputs: [
      { shape: [2, 2, 3], dtype: I },
      { shape: [2, 2, 2], dtype: I },
    ],
    run: (a, b) => st.concat([a, b], -1),
    oracle: (tf, a, b) => tf.concat([a, b], 2),
  },
  {
    name: 'concat bool',
    inputs: [
      { shape: [3], dtype: B },
      { shape: [2], dtype: B },
    ],
    run: (a, b) => st.concat([a, b]),
    oracle: (tf, a, b) => tf.concat([a, b]),
  },
  {
    name: 'concat with an empty input',
    inputs: [{ shape: [2, 0] }, { shape: [2, 2], fill: [1, 2, 3, 4] }, { shape: [2, 0] }],
    run: (a, b, c) => st.concat([a, b, c], 1),
    expected: { shape: [2, 2], values: [1, 2, 3, 4] },
  },
  {
    name: 'concat empty and non-empty on axis 0',
    inputs: [{ shape: [0, 2] }, { shape: [1, 2], fill: [5, 6] }, { shape: [1, 2], fill: [7, 8] }],
    run: (a, b, c) => st.concat([a, b, c]),
    expected: { shape: [2, 2], values: [5, 6, 7, 8] },
  },
  {
    name: 'concat all empty',
    inputs: [{ shape: [0, 2] }, { shape: [0, 2] }],
    run: (a, b) => st.concat([a, b]),
    expected: { shape: [0, 2], values: [] },
  },
  {
    name: 'concat one input',
    inputs: [{ shape: [2], fill: [1, 2] }],
    run: (a) => st.concat([a]),
    expected: { shape: [2], values: [1, 2] },
  },
  {
    name: 'concat JS values take the dtype of the tensors',
    inputs: [{ shape: [2], dtype: I, fill: [1, 2] }],
    run: (a) => st.concat([a, [3, 4]]),
    expected: { dtype: 'int32', values: [1, 2, 3, 4] },
  },
  {
    name: 'concat scalars',
    inputs: [{ shape: [] }, { shape: [] }],
    run: (a, b) => st.concat([a, b]),
    throws: /^concat: cannot concatenate rank-0 tensors \(scalars\); use stack, or reshape them to \[1\] first$/,
  },
  {
    name: 'concat mismatched shapes',
    inputs: [{ shape: [2, 3] }, { shape: [2, 4] }, { shape: [3, 4] }],
    run: (a, b, c) => st.concat([a, b, c], 1),
    throws: /^concat: inputs 0 and 2 differ on axis 0: shapes \[2,3\] and \[3,4\] \(only axis 1 may differ\)$/,
  },
  {
    name: 'concat mismatched ranks',
    inputs: [{ shape: [2, 3] }, { shape: [6] }],
    run: (a, b) => st.concat([a, b]),
    throws: /^concat: all inputs must have the same rank: input 0 has shape \[2,3\], input 1 has shape \[6\]$/,
  },
  {
    name: 'concat mismatched dtypes',
    inputs: [{ shape: [2] }, { shape: [2], dtype: I }],
    run: (a, b) => st.concat([a, b]),
    throws: /^concat: all inputs must have the same dtype: input 0 is float32, input 1 is int32; cast them first$/,
  },
  {
    name: 'concat no inputs',
    inputs: [],
    run: () => st.concat([]),
    throws: /^concat: tensors must be a non-empty array of tensors, received an empty array$/,
  },
  {
    name: 'concat bad axis',
    inputs: [{ shape: [2, 3] }, { shape: [2, 3] }],
    run: (a, b) => st.concat([a, b], 2),
    throws: /^concat: axis must be an integer in \[-2, 1\] for a tensor of rank 2, received 2$/,
  },

  // ---- stack, unstack ----
  {
    name: 'stack axis 0',
    inputs: [{ shape: [2, 3] }, { shape: [2, 3] }, { shape: [2, 3] }],
    run: (a, b, c) => st.stack([a, b, c]),
    oracle: (tf, a, b, c) => tf.stack([a, b, c]),
  },
  {
    name: 'stack axis 1',
    inputs: [
      { shape: [2, 3], dtype: I },
      { shape: [2, 3], dtype: I },
    ],
    run: (a, b) => st.stack([a, b], 1),
    oracle: (tf, a, b) => tf.stack([a, b], 1),
  },
  {
    name: 'stack axis -1 bool',
    inputs: [
      { shape: [2, 3], dtype: B },
      { shape: [2, 3], dtype: B },
    ],
    run: (a, b) => st.stack([a, b], -1),
    oracle: (tf, a, b) => tf.stack([a, b], 2),
  },
  {
    name: 'stack scalars',
    inputs: [
      { shape: [], fill: [1] },
      { shape: [], fill: [2] },
    ],
    run: (a, b) => st.stack([a, b]),
    expected: { shape: [2], values: [1, 2] },
  },
  {
    name: 'stack one input',
    inputs: [{ shape: [2], fill: [1, 2] }],
    run: (a) => st.stack([a], 1),
    expected: { shape: [2, 1], values: [1, 2] },
  },
  {
    name: 'stack empty inputs',
    inputs: [{ shape: [0, 2] }, { shape: [0, 2] }],
    run: (a, b) => st.stack([a, b], 1),
    expected: { shape: [0, 2, 2], values: [] },
  },
  {
    name: 'stack mismatched shapes',
    inputs: [{ shape: [2, 3] }, { shape: [3, 2] }],
    run: (a, b) => st.stack([a, b]),
    throws: /^stack: all inputs must have the same shape: input 0 has shape \[2,3\], input 1 has shape \[3,2\]$/,
  },
  {
    name: 'stack bad axis',
    inputs: [{ shape: [2] }, { shape: [2] }],
    run: (a, b) => st.stack([a, b], 2),
    throws: /^stack: axis must be an integer in \[-2, 1\] for inputs of rank 1, received 2$/,
  },
  { name: 'unstack axis 0', inputs: [{ shape: [3, 2] }], run: (x) => st.unstack(x), oracle: (tf, x) => tf.unstack(x) },
  {
    name: 'unstack axis 1 int32',
    inputs: [{ shape: [2, 3, 2], dtype: I }],
    run: (x) => st.unstack(x, 1),
    oracle: (tf, x) => tf.unstack(x, 1),
  },
  {
    name: 'unstack axis -1 bool',
    inputs: [{ shape: [2, 3], dtype: B }],
    run: (x) => st.unstack(x, -1),
    oracle: (tf, x) => tf.unstack(x, 1),
  },
  {
    name: 'unstack rank 1 to scalars',
    inputs: [{ shape: [3], fill: [4, 5, 6] }],
    run: (x) => st.unstack(x),
    expected: { shape: [], values: [4] },
  },
  {
    name: 'unstack empty axis gives no tensors',
    inputs: [{ shape: [0, 3] }],
    run: (x) => {
      const parts = st.unstack(x);
      return st.tensor([parts.length]);
    },
    expected: { values: [0] },
  },
  {
    name: 'unstack scalar',
    inputs: [{ shape: [] }],
    run: (x) => st.unstack(x),
    throws: /^unstack: x must have rank 1 or more, received a scalar$/,
  },

  // ---- split ----
  {
    name: 'split into 3 equal parts on axis 1',
    inputs: [{ shape: [2, 6] }],
    run: (x) => st.split(x, 3, 1),
    oracle: (tf, x) => tf.split(x, 3, 1),
  },
  {
    name: 'split sizes with -1',
    inputs: [{ shape: [6, 2], dtype: I }],
    run: (x) => st.split(x, [1, -1, 2]),
    oracle: (tf, x) => tf.split(x, [1, 3, 2]),
  },
  {
    name: 'split axis -1 bool',
    inputs: [{ shape: [2, 4], dtype: B }],
    run: (x) => st.split(x, [3, 1], -1),
    oracle: (tf, x) => tf.split(x, [3, 1], 1),
  },
  {
    name: 'split with a part of size 0',
    inputs: [{ shape: [3], fill: [1, 2, 3] }],
    run: (x) => st.split(x, [0, 3]).reverse(),
    expected: { shape: [3], values: [1, 2, 3] },
  },
  {
    name: 'split not divisible',
    inputs: [{ shape: [2, 5] }],
    run: (x) => st.split(x, 2, 1),
    throws: /^split: cannot split axis 1 of x \(shape \[2,5\]\) into 2 equal parts: 5 is not divisible by 2$/,
  },
  {
    name: 'split sizes do not sum',
    inputs: [{ shape: [2, 5] }],
    run: (x) => st.split(x, [1, 2], 1),
    throws: /^split: sizes \[1,2\] sum to 3, but axis 1 of x \(shape \[2,5\]\) has size 5$/,
  },
  {
    name: 'split sizes too large with -1',
    inputs: [{ shape: [5] }],
    run: (x) => st.split(x, [4, -1, 3]),
    throws: /^split: sizes \[4,-1,3\] need at least 7 elements on axis 0 of x \(shape \[5\]\), which has 5$/,
  },
  {
    name: 'split two -1',
    inputs: [{ shape: [5] }],
    run: (x) => st.split(x, [-1, -1]),
    throws: /^split: sizes may contain at most one -1, received \[-1,-1\]$/,
  },

  // ---- slice ----
  {
    name: 'slice 2d',
    inputs: [{ shape: [4, 5] }],
    run: (x) => st.slice(x, [1, 2], [2, 3]),
    oracle: (tf, x) => tf.slice(x, [1, 2], [2, 3]),
  },
  {
    name: 'slice size -1 to the end',
    inputs: [{ shape: [4, 5], dtype: I }],
    run: (x) => st.slice(x, [1, 2], [-1, 2]),
    oracle: (tf, x) => tf.slice(x, [1, 2], [-1, 2]),
  },
  {
    name: 'slice short begin and no size',
    inputs: [{ shape: [3, 4] }],
    run: (x) => st.slice(x, 1),
    oracle: (tf, x) => tf.slice(x, 1),
  },
  {
    name: 'slice rank 4 bool',
    inputs: [{ shape: [2, 3, 2, 3], dtype: B }],
    run: (x) => st.slice(x, [1, 0, 1, 1], [1, 2, 1, 2]),
    oracle: (tf, x) => tf.slice(x, [1, 0, 1, 1], [1, 2, 1, 2]),
  },
  {
    name: 'slice of size 0',
    inputs: [{ shape: [3, 2] }],
    run: (x) => st.slice(x, [3, 0], [0, 2]),
    expected: { shape: [0, 2], values: [] },
  },
  {
    name: 'slice rank 0',
    inputs: [{ shape: [], fill: [7] }],
    run: (x) => st.slice(x, []),
    expected: { shape: [], values: [7] },
  },
  {
    name: 'slice negative begin',
    inputs: [{ shape: [3, 4] }],
    run: (x) => st.slice(x, [0, -1], [1, 1]),
    throws:
      /^slice: begin must be a number or an array of at most 2 non-negative integers \(negative begin is not supported/,
  },
  {
    name: 'slice past the end',
    inputs: [{ shape: [2, 4] }],
    run: (x) => st.slice(x, [0, 2], [1, 3]),
    throws: /^slice: begin\[1\] \+ size\[1\] = 2 \+ 3 = 5 exceeds axis 1 of x \(shape \[2,4\]\)$/,
  },
  {
    name: 'slice begin past the end',
    inputs: [{ shape: [2, 4] }],
    run: (x) => st.slice(x, [3]),
    throws: /^slice: begin\[0\] = 3 exceeds axis 0 of x \(shape \[2,4\]\)$/,
  },

  // ---- stridedSlice ----
  {
    name: 'stridedSlice strides [1,2]',
    inputs: [{ shape: [4, 5] }],
    run: (x) => st.stridedSlice(x, [1, 0], [3, 5], [1, 2]),
    oracle: (tf, x) => tf.stridedSlice(x, [1, 0], [3, 5], [1, 2]),
  },
  {
    name: 'stridedSlice negative strides with masks',
    inputs: [{ shape: [4, 5] }],
    run: (x) => st.stridedSlice(x, [0, 0], [0, 0], [-1, -2], { beginMask: 3, endMask: 3 }),
    oracle: (tf, x) => tf.stridedSlice(x, [0, 0], [0, 0], [-1, -2], 3, 3),
  },
  {
    name: 'stridedSlice negative indices',
    inputs: [{ shape: [6] }],
    run: (x) => st.stridedSlice(x, [-4], [-1]),
    oracle: (tf, x) => tf.stridedSlice(x, [-4], [-1]),
  },
  {
    name: 'stridedSlice backwards from -1 to 1',
    inputs: [{ shape: [6], dtype: I }],
    run: (x) => st.stridedSlice(x, [-1], [1], [-2]),
    oracle: (tf, x) => tf.stridedSlice(x, [-1], [1], [-2]),
  },
  {
    name: 'stridedSlice clamps out-of-range bounds',
    inputs: [{ shape: [3, 4] }],
    run: (x) => st.stridedSlice(x, [-10, 1], [10, 100], [1, 2]),
    oracle: (tf, x) => tf.stridedSlice(x, [-10, 1], [10, 100], [1, 2]),
  },
  {
    name: 'stridedSlice ellipsis',
    inputs: [{ shape: [2, 3, 4] }],
    run: (x) => st.stridedSlice(x, [0, 1], [0, 4], [1, 2], { ellipsisMask: 1 }),
    oracle: (tf, x) => tf.stridedSlice(x, [0, 1], [0, 4], [1, 2], 0, 0, 1),
  },
  {
    name: 'stridedSlice ellipsis in the middle',
    inputs: [{ shape: [2, 3, 4, 2] }],
    run: (x) => st.stridedSlice(x, [1, 0, 0], [2, 0, 2], [1, 1, 1], { ellipsisMask: 2 }),
    oracle: (tf, x) => tf.stridedSlice(x, [1, 0, 0], [2, 0, 2], [1, 1, 1], 0, 0, 2),
  },
  {
    name: 'stridedSlice new axis',
    inputs: [{ shape: [3, 4] }],
    run: (x) => st.stridedSlice(x, [0, 0, 1], [0, 2, 3], [1, 1, 1], { newAxisMask: 1 }),
    oracle: (tf, x) => tf.stridedSlice(x, [0, 0, 1], [0, 2, 3], [1, 1, 1], 0, 0, 0, 1),
  },
  {
    name: 'stridedSlice new axis after an ellipsis',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.stridedSlice(x, [0, 0], [0, 0], [1, 1], { ellipsisMask: 1, newAxisMask: 2 }),
    oracle: (tf, x) => tf.stridedSlice(x, [0, 0], [0, 0], [1, 1], 0, 0, 1, 2),
  },
  // tfjs's cpu StridedSlice ignores a shrunk axis's begin when another axis has a stride other than
  // 1 (it gives x[0, 1::2] for x[1, 1::2], and reads out of bounds for x[-1, 1::2]): values written out.
  {
    name: 'stridedSlice shrink axis',
    inputs: [{ shape: [3, 4], dtype: I, fill: seq(12) }],
    run: (x) => st.stridedSlice(x, [1, 1], [0, 4], [1, 2], { shrinkAxisMask: 1 }),
    expected: { shape: [2], values: [5, 7] },
  },
  {
    name: 'stridedSlice shrink axis at -1',
    inputs: [{ shape: [3, 4], dtype: I, fill: seq(12) }],
    run: (x) => st.stridedSlice(x, [-1, 1], [0, 4], [1, 2], { shrinkAxisMask: 1 }),
    expected: { shape: [2], values: [9, 11] },
  },
  {
    name: 'stridedSlice shrink to rank 0',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.stridedSlice(x, [1, 2], [0, 0], [1, 1], { shrinkAxisMask: 3 }),
    oracle: (tf, x) => tf.stridedSlice(x, [1, 2], [0, 0], [1, 1], 0, 0, 0, 0, 3),
  },
  {
    name: 'stridedSlice int32 strided (wasm kernel bug path)',
    inputs: [{ shape: [3, 5], dtype: I }],
    run: (x) => st.stridedSlice(x, [0, 4], [3, 0], [2, -3]),
    oracle: (tf, x) => tf.stridedSlice(x, [0, 4], [3, 0], [2, -3]),
  },
  {
    name: 'stridedSlice bool strided',
    inputs: [{ shape: [4, 3], dtype: B }],
    run: (x) => st.stridedSlice(x, [1, 0], [4, 3], [2, 2]),
    oracle: (tf, x) => tf.stridedSlice(x, [1, 0], [4, 3], [2, 2]),
  },
  {
    name: 'stridedSlice rank 4',
    inputs: [{ shape: [2, 3, 4, 3] }],
    run: (x) => st.stridedSlice(x, [1, 0, 3, 0], [2, 3, 0, 3], [1, 2, -2, 1]),
    oracle: (tf, x) => tf.stridedSlice(x, [1, 0, 3, 0], [2, 3, 0, 3], [1, 2, -2, 1]),
  },
  {
    name: 'stridedSlice empty range',
    inputs: [{ shape: [4, 2] }],
    run: (x) => st.stridedSlice(x, [3, 0], [1, 2]),
    expected: { shape: [0, 2], values: [] },
  },
  {
    name: 'stridedSlice of empty x',
    inputs: [{ shape: [0, 3] }],
    run: (x) => st.stridedSlice(x, [0, 1], [0, 3], [1, 1], { beginMask: 1, endMask: 1 }),
    expected: { shape: [0, 2], values: [] },
  },
  {
    name: 'stridedSlice zero stride',
    inputs: [{ shape: [4] }],
    run: (x) => st.stridedSlice(x, [0], [4], [0]),
    throws: /^stridedSlice: strides\[0\] is 0; strides must be non-zero$/,
  },
  {
    name: 'stridedSlice two ellipses',
    inputs: [{ shape: [4, 4] }],
    run: (x) => st.stridedSlice(x, [0, 0], [1, 1], [1, 1], { ellipsisMask: 3 }),
    throws: /^stridedSlice: ellipsisMask 3 has more than one bit set; at most one ellipsis is allowed$/,
  },
  {
    name: 'stridedSlice shrink out of range',
    inputs: [{ shape: [3, 4] }],
    run: (x) => st.stridedSlice(x, [3], [4], [1], { shrinkAxisMask: 1 }),
    throws:
      /^stridedSlice: index begin\[0\] = 3 is out of range for axis 0 of x \(shape \[3,4\]\), taken as a single index by shrinkAxisMask$/,
  },
  {
    name: 'stridedSlice too many entries',
    inputs: [{ shape: [3] }],
    run: (x) => st.stridedSlice(x, [0, 0], [1, 1]),
    throws: /^stridedSlice: begin\/end\/strides have more entries \(2\) than x has axes \(shape \[3\]\)/,
  },
  {
    name: 'stridedSlice length mismatch',
    inputs: [{ shape: [3] }],
    run: (x) => st.stridedSlice(x, [0], [1, 2]),
    throws: /^stridedSlice: begin, end and strides must have the same length, received 1, 2 and 1$/,
  },

  // ---- gather ----
  {
    name: 'gather axis 0',
    inputs: [{ shape: [4, 3] }, { shape: [5], dtype: I, fill: 'index' }],
    run: (x, i) => st.gather(x, i),
    oracle: (tf, x, i) => tf.gather(x, i),
  },
  {
    name: 'gather axis 1 with 2d indices',
    inputs: [{ shape: [2, 3, 2] }, { shape: [2, 2], dtype: I, fill: 'index' }],
    run: (x, i) => st.gather(x, i, 1),
    oracle: (tf, x, i) => tf.gather(x, i, 1),
  },
  {
    name: 'gather axis -1 int32',
    inputs: [
      { shape: [2, 3], dtype: I },
      { shape: [4], dtype: I, fill: 'index' },
    ],
    run: (x, i) => st.gather(x, i, -1),
    oracle: (tf, x, i) => tf.gather(x, i, 1),
  },
  {
    name: 'gather bool',
    inputs: [
      { shape: [3, 2], dtype: B },
      { shape: [3], dtype: I, fill: [2, 0, 2] },
    ],
    run: (x, i) => st.gather(x, i),
    oracle: (tf, x, i) => tf.gather(x, i),
  },
  {
    name: 'gather batchDims 1',
    inputs: [{ shape: [2, 3, 4] }, { shape: [2, 2], dtype: I, fill: 'index' }],
    run: (x, i) => st.gather(x, i, 1, 1),
    oracle: (tf, x, i) => tf.gather(x, i, 1, 1),
  },
  {
    name: 'gather batchDims -1 on axis 2',
    inputs: [{ shape: [2, 3, 3] }, { shape: [2, 2], dtype: I, fill: 'index' }],
    run: (x, i) => st.gather(x, i, 2, -1),
    oracle: (tf, x, i) => tf.gather(x, i, 2, 1),
  },
  {
    name: 'gather rank 4',
    inputs: [
      { shape: [2, 3, 2, 2], dtype: I },
      { shape: [2], dtype: I, fill: [2, 1] },
    ],
    run: (x, i) => st.gather(x, i, 1),
    oracle: (tf, x, i) => tf.gather(x, i, 1),
  },
  {
    name: 'gather scalar index drops the axis',
    inputs: [
      { shape: [3, 2], fill: seq(6) },
      { shape: [], dtype: I, fill: [2] },
    ],
    run: (x, i) => st.gather(x, i),
    expected: { shape: [2], values: [4, 5] },
  },
  {
    name: 'gather JS index array',
    inputs: [{ shape: [3], fill: [10, 20, 30] }],
    run: (x) => st.gather(x, [[2, 0]]),
    expected: { shape: [1, 2], values: [30, 10] },
  },
  {
    name: 'gather empty indices',
    inputs: [{ shape: [3, 2] }, { shape: [0], dtype: I }],
    run: (x, i) => st.gather(x, i),
    expected: { shape: [0, 2], values: [] },
  },
  {
    name: 'gather from an axis of size 0',
    inputs: [{ shape: [0, 2] }, { shape: [1], dtype: I, fill: [0] }],
    run: (x, i) => st.gather(x, i),
    throws: /^gather: axis 0 of x \(shape \[0,2\]\) has size 0, so every index is out of range$/,
  },
  {
    name: 'gather float indices',
    inputs: [{ shape: [3] }, { shape: [2] }],
    run: (x, i) => st.gather(x, i),
    throws:
      /^gather: indices must be an int32 tensor, received float32 \(shape \[2\]\); convert it with cast\(indices, 'int32'\)$/,
  },
  {
    name: 'gather non-integer JS indices',
    inputs: [{ shape: [3] }],
    run: (x) => st.gather(x, [0.5]),
    throws: /^gather: indices must hold integers, received \[0.5\]$/,
  },
  {
    name: 'gather bad axis',
    inputs: [{ shape: [3] }, { shape: [1], dtype: I, fill: [0] }],
    run: (x, i) => st.gather(x, i, 1),
    throws: /^gather: axis must be an integer in \[-1, 0\] for x of shape \[3\], received 1$/,
  },
  {
    name: 'gather batch axes differ',
    inputs: [{ shape: [2, 3] }, { shape: [3, 1], dtype: I, fill: [0, 0, 0] }],
    run: (x, i) => st.gather(x, i, 1, 1),
    throws:
      /^gather: the first 1 \(batchDims\) axes of x and indices must match: x has shape \[2,3\], indices \[3,1\]$/,
  },

  // ---- gatherND ----
  {
    name: 'gatherND full index rows',
    inputs: [{ shape: [3, 3] }, { shape: [4, 2], dtype: I, fill: [0, 0, 2, 1, 1, 2, 2, 2] }],
    run: (x, i) => st.gatherND(x, i),
    oracle: (tf, x, i) => tf.gatherND(x, i),
  },
  {
    name: 'gatherND rows of slices',
    inputs: [
      { shape: [3, 4], dtype: I },
      { shape: [2, 1], dtype: I, fill: [2, 0] },
    ],
    run: (x, i) => st.gatherND(x, i),
    oracle: (tf, x, i) => tf.gatherND(x, i),
  },
  {
    name: 'gatherND rank 3 with batched rows',
    inputs: [{ shape: [2, 3, 2] }, { shape: [2, 2, 2], dtype: I, fill: [0, 1, 1, 2, 1, 0, 0, 0] }],
    run: (x, i) => st.gatherND(x, i),
    oracle: (tf, x, i) => tf.gatherND(x, i),
  },
  {
    name: 'gatherND one row gives a scalar',
    inputs: [
      { shape: [2, 3, 2], dtype: B },
      { shape: [3], dtype: I, fill: [1, 2, 1] },
    ],
    run: (x, i) => st.gatherND(x, i),
    oracle: (tf, x, i) => tf.gatherND(x, i),
  },
  {
    name: 'gatherND rows of length 0 repeat x',
    inputs: [
      { shape: [2], fill: [3, 4] },
      { shape: [2, 0], dtype: I },
    ],
    run: (x, i) => st.gatherND(x, i),
    expected: { shape: [2, 2], values: [3, 4, 3, 4] },
  },
  {
    name: 'gatherND no rows',
    inputs: [{ shape: [2, 2] }, { shape: [0, 2], dtype: I }],
    run: (x, i) => st.gatherND(x, i),
    expected: { shape: [0], values: [] },
  },
  {
    name: 'gatherND rows too long',
    inputs: [{ shape: [2, 2] }, { shape: [1, 3], dtype: I, fill: [0, 0, 0] }],
    run: (x, i) => st.gatherND(x, i),
    throws: /^gatherND: index rows have 3 entries \(indices shape \[1,3\]\) but x has only 2 axes \(shape \[2,2\]\)$/,
  },
  {
    name: 'gatherND scalar indices',
    inputs: [{ shape: [2] }, { shape: [], dtype: I, fill: [0] }],
    run: (x, i) => st.gatherND(x, i),
    throws: /^gatherND: indices must have rank 1 or more/,
  },

  // ---- scatterND ----
  {
    name: 'scatterND duplicate rows add up',
    inputs: [{ shape: [4, 1], dtype: I, fill: [4, 1, 4, 0] }, { shape: [4] }],
    run: (i, u) => st.scatterND(i, u, [6]),
    oracle: (tf, i, u) => tf.scatterND(i, u, [6]),
  },
  {
    name: 'scatterND full index rows',
    inputs: [{ shape: [2, 2], dtype: I, fill: [0, 2, 1, 1] }, { shape: [2] }],
    run: (i, u) => st.scatterND(i, u, [3, 3]),
    oracle: (tf, i, u) => tf.scatterND(i, u, [3, 3]),
  },
  {
    name: 'scatterND slices int32',
    inputs: [
      { shape: [2, 1], dtype: I, fill: [3, 1] },
      { shape: [2, 3], dtype: I },
    ],
    run: (i, u) => st.scatterND(i, u, [4, 3]),
    oracle: (tf, i, u) => tf.scatterND(i, u, [4, 3]),
  },
  {
    name: 'scatterND batched rows',
    inputs: [{ shape: [2, 2, 1], dtype: I, fill: [0, 2, 1, 0] }, { shape: [2, 2, 2] }],
    run: (i, u) => st.scatterND(i, u, [3, 2]),
    oracle: (tf, i, u) => tf.scatterND(i, u, [3, 2]),
  },
  {
    name: 'scatterND bool rows OR together',
    inputs: [
      { shape: [3, 1], dtype: I, fill: [1, 1, 0] },
      { shape: [3], dtype: B, fill: [1, 1, 0] },
    ],
    run: (i, u) => st.scatterND(i, u, [3]),
    expected: { dtype: 'bool', values: [0, 1, 0] },
  },
  {
    name: 'scatterND rank-1 indices are one row',
    inputs: [
      { shape: [2], dtype: I, fill: [1, 2] },
      { shape: [], fill: [5] },
    ],
    run: (i, u) => st.scatterND(i, u, [2, 3]),
    expected: { shape: [2, 3], values: [0, 0, 0, 0, 0, 5] },
  },
  {
    name: 'scatterND rows of length 0 sum into everything',
    inputs: [
      { shape: [2, 0], dtype: I },
      { shape: [2, 2], fill: [1, 2, 3, 4] },
    ],
    run: (i, u) => st.scatterND(i, u, [2]),
    expected: { shape: [2], values: [4, 6] },
  },
  {
    name: 'scatterND no rows gives zeros',
    inputs: [{ shape: [0, 1], dtype: I }, { shape: [0] }],
    run: (i, u) => st.scatterND(i, u, [3]),
    expected: { shape: [3], values: [0, 0, 0] },
  },
  {
    name: 'scatterND bad updates shape',
    inputs: [{ shape: [2, 1], dtype: I, fill: [0, 1] }, { shape: [2, 2] }],
    run: (i, u) => st.scatterND(i, u, [4, 3]),
    throws: /^scatterND: updates must have shape indices.shape\[:-1\] \+ shape\[1:\] = \[2,3\], received \[2,2\]$/,
  },
  {
    name: 'scatterND rows too long',
    inputs: [{ shape: [1, 2], dtype: I, fill: [0, 0] }, { shape: [1] }],
    run: (i, u) => st.scatterND(i, u, [4]),
    throws:
      /^scatterND: index rows have 2 entries \(indices shape \[1,2\]\) but the output shape \[4\] has only 1 axes$/,
  },

  // ---- tile, broadcastTo ----
  {
    name: 'tile [2,1]',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.tile(x, [2, 1]),
    oracle: (tf, x) => tf.tile(x, [2, 1]),
  },
  {
    name: 'tile [2,3] int32',
    inputs: [{ shape: [2, 3], dtype: I }],
    run: (x) => st.tile(x, [2, 3]),
    oracle: (tf, x) => tf.tile(x, [2, 3]),
  },
  {
    name: 'tile bool',
    inputs: [{ shape: [3], dtype: B }],
    run: (x) => st.tile(x, [3]),
    oracle: (tf, x) => tf.tile(x, [3]),
  },
  {
    name: 'tile rank 5 (axis by axis)',
    inputs: [{ shape: [2, 1, 2, 1, 2] }],
    run: (x) => st.tile(x, [2, 3, 1, 2, 2]),
    oracle: (tf, x) => tf.tile(x, [2, 3, 1, 2, 2]),
  },
  {
    name: 'tile rank 0',
    inputs: [{ shape: [], fill: [3] }],
    run: (x) => st.tile(x, []),
    expected: { shape: [], values: [3] },
  },
  {
    name: 'tile by 0',
    inputs: [{ shape: [2, 2] }],
    run: (x) => st.tile(x, [1, 0]),
    expected: { shape: [2, 0], values: [] },
  },
  {
    name: 'tile reps length',
    inputs: [{ shape: [2, 2] }],
    run: (x) => st.tile(x, [2]),
    throws: /^tile: reps must have one entry per axis of x \(shape \[2,2\]\), received \[2\]$/,
  },
  {
    name: 'tile negative reps',
    inputs: [{ shape: [2] }],
    run: (x) => st.tile(x, [-1]),
    throws: /^tile: reps must be an array of non-negative integers, received \[-1\]$/,
  },
  {
    name: 'broadcastTo adds leading axes',
    inputs: [{ shape: [3] }],
    run: (x) => st.broadcastTo(x, [2, 3]),
    oracle: (tf, x) => tf.broadcastTo(x, [2, 3]),
  },
  {
    name: 'broadcastTo size-1 axes',
    inputs: [{ shape: [2, 1], dtype: I }],
    run: (x) => st.broadcastTo(x, [4, 2, 3]),
    oracle: (tf, x) => tf.broadcastTo(x, [4, 2, 3]),
  },
  {
    name: 'broadcastTo bool',
    inputs: [{ shape: [1, 2], dtype: B }],
    run: (x) => st.broadcastTo(x, [3, 2]),
    oracle: (tf, x) => tf.broadcastTo(x, [3, 2]),
  },
  {
    name: 'broadcastTo rank 6',
    inputs: [{ shape: [2, 1, 2, 1, 2] }],
    run: (x) => st.broadcastTo(x, [2, 2, 2, 2, 2, 2]),
    oracle: (tf, x) => tf.broadcastTo(x, [2, 2, 2, 2, 2, 2]),
  },
  {
    name: 'broadcastTo from rank 0',
    inputs: [{ shape: [], fill: [7] }],
    run: (x) => st.broadcastTo(x, [2, 2]),
    expected: { shape: [2, 2], values: [7, 7, 7, 7] },
  },
  {
    name: 'broadcastTo same shape',
    inputs: [{ shape: [2], fill: [1, 2] }],
    run: (x) => st.broadcastTo(x, [2]),
    expected: { shape: [2], values: [1, 2] },
  },
  {
    name: 'broadcastTo size 0',
    inputs: [{ shape: [1, 2] }],
    run: (x) => st.broadcastTo(x, [0, 2]),
    expected: { shape: [0, 2], values: [] },
  },
  {
    name: 'broadcastTo incompatible',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.broadcastTo(x, [2, 2]),
    throws: /^broadcastTo: x of shape \[2,3\] cannot be broadcast to \[2,2\]/,
  },
  {
    name: 'broadcastTo fewer axes',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.broadcastTo(x, [3]),
    throws: /^broadcastTo: x of shape \[2,3\] cannot be broadcast to \[3\]/,
  },

  // ---- pad ----
  {
    name: 'pad constant 0',
    inputs: [{ shape: [2, 3] }],
    run: (x) =>
      st.pad(x, [
        [1, 0],
        [2, 1],
      ]),
    oracle: (tf, x) =>
      tf.pad(x, [
        [1, 0],
        [2, 1],
      ]),
  },
  {
    name: 'pad constant 2.5 rank 3',
    inputs: [{ shape: [2, 1, 2] }],
    run: (x) =>
      st.pad(
        x,
        [
          [0, 1],
          [1, 1],
          [0, 0],
        ],
        { constantValue: 2.5 },
      ),
    oracle: (tf, x) =>
      tf.pad(
        x,
        [
          [0, 1],
          [1, 1],
          [0, 0],
        ],
        2.5,
      ),
  },
  {
    name: 'pad int32 constant',
    inputs: [{ shape: [3], dtype: I }],
    run: (x) => st.pad(x, [[2, 1]], { constantValue: -7 }),
    oracle: (tf, x) => tf.pad(x, [[2, 1]], -7),
  },
  {
    name: 'pad bool with true',
    inputs: [{ shape: [2], dtype: B, fill: [0, 1] }],
    run: (x) => st.pad(x, [[1, 1]], { constantValue: true }),
    expected: { dtype: 'bool', values: [1, 0, 1, 1] },
  },
  {
    name: 'pad reflect',
    inputs: [{ shape: [3, 4] }],
    run: (x) =>
      st.pad(
        x,
        [
          [2, 1],
          [3, 0],
        ],
        { mode: 'reflect' },
      ),
    oracle: (tf, x) =>
      tf.mirrorPad(
        x,
        [
          [2, 1],
          [3, 0],
        ],
        'reflect',
      ),
  },
  {
    name: 'pad symmetric int32',
    inputs: [{ shape: [2, 3], dtype: I }],
    run: (x) =>
      st.pad(
        x,
        [
          [2, 2],
          [0, 3],
        ],
        { mode: 'symmetric' },
      ),
    oracle: (tf, x) =>
      tf.mirrorPad(
        x,
        [
          [2, 2],
          [0, 3],
        ],
        'symmetric',
      ),
  },
  {
    name: 'pad reflect bool',
    inputs: [{ shape: [3], dtype: B, fill: [1, 0, 0] }],
    run: (x) => st.pad(x, [[2, 2]], { mode: 'reflect' }),
    expected: { values: [0, 0, 1, 0, 0, 0, 1] },
  },
  {
    name: 'pad rank 5 constant (axis by axis)',
    inputs: [{ shape: [2, 1, 2, 1, 2] }],
    run: (x) =>
      st.pad(
        x,
        [
          [1, 0],
          [0, 1],
          [1, 1],
          [0, 2],
          [1, 0],
        ],
        { constantValue: 9 },
      ),
    oracle: (tf, x) =>
      tf.pad(
        x,
        [
          [1, 0],
          [0, 1],
          [1, 1],
          [0, 2],
          [1, 0],
        ],
        9,
      ),
  },
  {
    name: 'pad rank 5 symmetric (axis by axis)',
    inputs: [{ shape: [2, 2, 1, 2, 2] }],
    run: (x) =>
      st.pad(
        x,
        [
          [1, 0],
          [0, 2],
          [0, 0],
          [1, 1],
          [2, 1],
        ],
        { mode: 'symmetric' },
      ),
    oracle: (tf, x) =>
      tf.mirrorPad(
        x,
        [
          [1, 0],
          [0, 2],
          [0, 0],
          [1, 1],
          [2, 1],
        ],
        'symmetric',
      ),
  },
  {
    name: 'pad of nothing',
    inputs: [{ shape: [2], fill: [1, 2] }],
    run: (x) => st.pad(x, [[0, 0]]),
    expected: { values: [1, 2] },
  },
  {
    name: 'pad empty x fills with the constant',
    inputs: [{ shape: [0, 2] }],
    run: (x) =>
      st.pad(
        x,
        [
          [1, 1],
          [0, 0],
        ],
        { constantValue: 3 },
      ),
    expected: { shape: [2, 2], values: [3, 3, 3, 3] },
  },
  {
    name: 'pad rank 0',
    inputs: [{ shape: [], fill: [4] }],
    run: (x) => st.pad(x, []),
    expected: { shape: [], values: [4] },
  },
  {
    name: 'pad reflect too wide',
    inputs: [{ shape: [2, 3] }],
    run: (x) =>
      st.pad(
        x,
        [
          [0, 0],
          [3, 0],
        ],
        { mode: 'reflect' },
      ),
    throws:
      /^pad: reflect padding of axis 1 must be at most 2 \(the axis has size 3, less its edge\), received \[3,0\] for x of shape \[2,3\]$/,
  },
  {
    name: 'pad paddings per axis',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.pad(x, [[1, 1]]),
    throws: /^pad: paddings must have one \[before, after\] pair per axis of x \(shape \[2,3\]\), received 1 pairs$/,
  },
  {
    name: 'pad negative padding',
    inputs: [{ shape: [2] }],
    run: (x) => st.pad(x, [[-1, 0]]),
    throws: /^pad: paddings must be a list of \[before, after\] pairs of non-negative integers, received \[\[-1,0\]\]$/,
  },
  {
    name: 'pad bad mode',
    inputs: [{ shape: [2] }],
    run: (x) => st.pad(x, [[1, 0]], { mode: 'wrap' as never }),
    throws: /^pad: mode must be 'constant', 'reflect' or 'symmetric', received "wrap"$/,
  },
  {
    name: 'pad int32 non-integer constant',
    inputs: [{ shape: [2], dtype: I }],
    run: (x) => st.pad(x, [[1, 0]], { constantValue: 0.5 }),
    throws: /^pad: constantValue must be an integer to pad a int32 tensor, received 0.5$/,
  },

  // ---- reverse ----
  {
    name: 'reverse axis 0',
    inputs: [{ shape: [3, 2] }],
    run: (x) => st.reverse(x, 0),
    oracle: (tf, x) => tf.reverse(x, 0),
  },
  {
    name: 'reverse axes [0,2] int32',
    inputs: [{ shape: [2, 3, 2], dtype: I }],
    run: (x) => st.reverse(x, [0, 2]),
    oracle: (tf, x) => tf.reverse(x, [0, 2]),
  },
  {
    name: 'reverse axis -1',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.reverse(x, -1),
    oracle: (tf, x) => tf.reverse(x, 1),
  },
  {
    name: 'reverse all axes',
    inputs: [{ shape: [2, 3, 2] }],
    run: (x) => st.reverse(x),
    oracle: (tf, x) => tf.reverse(x),
  },
  {
    name: 'reverse bool (wasm kernel bug path)',
    inputs: [{ shape: [5], dtype: B, fill: [1, 0, 0, 1, 1] }],
    run: (x) => st.reverse(x),
    expected: { dtype: 'bool', values: [1, 1, 0, 0, 1] },
  },
  {
    name: 'reverse rank 5 (axis by axis)',
    inputs: [{ shape: [2, 2, 2, 2, 2] }],
    run: (x) => st.reverse(x, [0, 2, 4]),
    oracle: (tf, x) => tf.reverse(x, [0, 2, 4]),
  },
  {
    name: 'reverse rank 0',
    inputs: [{ shape: [], fill: [2] }],
    run: (x) => st.reverse(x),
    expected: { shape: [], values: [2] },
  },
  {
    name: 'reverse empty',
    inputs: [{ shape: [0, 2] }],
    run: (x) => st.reverse(x, 1),
    expected: { shape: [0, 2], values: [] },
  },
  {
    name: 'reverse bad axis',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.reverse(x, 2),
    throws: /^reverse: axis must be an integer in \[-2, 1\] for a tensor of rank 2, received 2$/,
  },

  // ---- oneHot ----
  {
    name: 'oneHot float32',
    inputs: [{ shape: [5], dtype: I, fill: 'index' }],
    run: (i) => st.oneHot(i, 3),
    oracle: (tf, i) => tf.oneHot(i, 3, 1, 0, 'float32'),
  },
  {
    name: 'oneHot 2d int32 with on/off values',
    inputs: [{ shape: [2, 3], dtype: I, fill: 'index' }],
    run: (i) => st.oneHot(i, 4, { onValue: 5, offValue: -2, dtype: 'int32' }),
    oracle: (tf, i) => tf.oneHot(i, 4, 5, -2, 'int32'),
  },
  {
    name: 'oneHot float on/off values',
    inputs: [{ shape: [3], dtype: I, fill: [0, 2, 1] }],
    run: (i) => st.oneHot(i, 3, { onValue: 0.75, offValue: 0.125 }),
    expected: { values: [0.75, 0.125, 0.125, 0.125, 0.125, 0.75, 0.125, 0.75, 0.125] },
  },
  {
    name: 'oneHot out-of-range rows are off',
    inputs: [{ shape: [3], dtype: I, fill: [-1, 3, 1] }],
    run: (i) => st.oneHot(i, 3),
    expected: { shape: [3, 3], values: [0, 0, 0, 0, 0, 0, 0, 1, 0] },
  },
  {
    name: 'oneHot bool',
    inputs: [{ shape: [2], dtype: I, fill: [2, 0] }],
    run: (i) => st.oneHot(i, 3, { dtype: 'bool' }),
    expected: { dtype: 'bool', values: [0, 0, 1, 1, 0, 0] },
  },
  {
    name: 'oneHot bool inverted',
    inputs: [{ shape: [2], dtype: I, fill: [2, 0] }],
    run: (i) => st.oneHot(i, 2, { dtype: 'bool', onValue: false, offValue: true }),
    expected: { dtype: 'bool', values: [1, 1, 0, 1] },
  },
  { name: 'oneHot rank 0 index', inputs: [], run: () => st.oneHot(1, 3), expected: { shape: [3], values: [0, 1, 0] } },
  {
    name: 'oneHot depth 0',
    inputs: [{ shape: [2], dtype: I, fill: [0, 1] }],
    run: (i) => st.oneHot(i, 0),
    expected: { shape: [2, 0], values: [] },
  },
  {
    name: 'oneHot float indices',
    inputs: [{ shape: [2] }],
    run: (i) => st.oneHot(i, 3),
    throws: /^oneHot: indices must be an int32 tensor, received float32/,
  },
  {
    name: 'oneHot bad depth',
    inputs: [{ shape: [2], dtype: I }],
    run: (i) => st.oneHot(i, -1),
    throws: /^oneHot: depth must be a non-negative integer, received -1$/,
  },
  {
    name: 'oneHot int32 with a float on value',
    inputs: [{ shape: [2], dtype: I }],
    run: (i) => st.oneHot(i, 2, { dtype: 'int32', onValue: 0.5 }),
    throws: /^oneHot: onValue must be an integer for dtype int32, received 0.5$/,
  },

  // ---- clone ----
  {
    name: 'clone copies values',
    inputs: [{ shape: [2, 2], dtype: I }],
    run: (x) => st.clone(x),
    oracle: (tf, x) => tf.clone(x),
  },
  {
    name: 'clone outlives the original',
    inputs: [{ shape: [3], fill: [1, 2, 3] }],
    run: (x) => {
      const c = st.clone(x);
      x.dispose();
      return c;
    },
    expected: { values: [1, 2, 3] },
  },
  {
    name: 'clone of a JS array',
    inputs: [],
    run: () => st.clone([true, false]),
    expected: { dtype: 'bool', values: [1, 0] },
  },
];
