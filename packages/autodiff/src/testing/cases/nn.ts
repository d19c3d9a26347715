import type * as tfc from '@tensorflow/tfjs-core';
import * as st from '@strata/tensor';
import type { GradientCase } from '../gradient-case';

/**
 * Where tfjs has no public op or no gradient (the convolution backprops, avgPool's gradient, topK),
 * the oracle is the same function composed from tfjs ops that have gradients.
 */

/** conv2dBackpropFilter(x, dy) for stride 1, valid padding: one matMul per filter tap. */
function filterGradient(
  tf: typeof tfc,
  x: tfc.Tensor,
  dy: tfc.Tensor,
  [kh, kw]: [number, number],
  depthwise: boolean,
): tfc.Tensor {
  const [b, oh, ow, o] = dy.shape as [number, number, number, number];
  const c = x.shape[3] as number;
  const taps = [];
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const patch = tf.slice(x, [0, i, j, 0], [b, oh, ow, c]);
      taps.push(
        depthwise
          ? tf.reshape(tf.sum(tf.mul(patch, dy), [0, 1, 2]), [c, 1])
          : tf.matMul(tf.reshape(patch, [-1, c]), tf.reshape(dy, [-1, o]), true, false),
      );
    }
  }
  return tf.reshape(tf.stack(taps), [kh, kw, c, depthwise ? 1 : o]);
}

/** depthwiseConv2dBackpropInput (multiplier 1), channel by channel, as transposed convolutions. */
function depthwiseInputGradient(
  tf: typeof tfc,
  dy: tfc.Tensor,
  f: tfc.Tensor,
  shape: [number, number, number, number],
): tfc.Tensor {
  const channels = shape[3] as number;
  const parts = [];
  for (let c = 0; c < channels; c++) {
    const dyc = tf.slice(dy, [0, 0, 0, c], [-1, -1, -1, 1]) as tfc.Tensor4D;
    const fc = tf.slice(f, [0, 0, c, 0], [-1, -1, 1, 1]) as tfc.Tensor4D;
    parts.push(tf.conv2dTranspose(dyc, fc, [shape[0], shape[1], shape[2], 1], 1, 'valid'));
  }
  return tf.concat(parts, 3);
}

/** A filter [kh, kw, ...] with d - 1 zeros between taps: a dilated convolution as a plain one (tfjs has no dilated gradients). */
function dilateFilter(tf: typeof tfc, f: tfc.Tensor, d: number): tfc.Tensor {
  let g = f;
  for (const axis of [0, 1]) {
    const k = g.shape[axis];
    const spread = tf.pad(
      tf.expandDims(g, axis + 1),
      g.shape.concat([1]).map((_, a) => (a === axis + 1 ? [0, d - 1] : [0, 0])) as [number, number][],
    );
    const merged = tf.reshape(
      spread,
      g.shape.map((s, a) => (a === axis ? s * d : s)),
    );
    g = tf.slice(
      merged,
      g.shape.map(() => 0),
      g.shape.map((s, a) => (a === axis ? (k - 1) * d + 1 : s)),
    );
  }
  return g;
}

/** maxPool2dGrad as a function of dy: each dy summed into its window's argmax (from tfjs's maxPoolWithArgmax). */
function maxPoolGradOracle(
  tf: typeof tfc,
  dy: tfc.Tensor,
  x: tfc.Tensor,
  size: number,
  stride: number,
  padding: 'valid' | 'same',
): tfc.Tensor {
  const { indexes } = tf.maxPoolWithArgmax(as4(x), size, stride, padding, true);
  return tf.reshape(
    tf.unsortedSegmentSum(tf.reshape(dy, [-1]), tf.reshape(indexes, [-1]) as tfc.Tensor1D, x.size),
    x.shape,
  );
}

const MASK_SEED = 7;
/** Strata's dropout mask for the seed, read once: the oracle multiplies by the same mask. */
function dropoutMask(shape: number[], rate: number): number[] {
  const ones = st.ones(shape);
  const masked = st.dropout(ones, rate, { seed: MASK_SEED });
  const values = Array.from(masked.dataSync());
  ones.dispose();
  masked.dispose();
  return values;
}

const as4 = (t: tfc.Tensor) => t as tfc.Tensor4D;
const X = { shape: [1, 4, 4, 2] };
const F = { shape: [2, 2, 2, 3] };

export const nnGradientCases: readonly GradientCase[] = [
  {
    name: 'conv2d valid',
    op: 'conv2d',
    inputs: [X, F],
    run: (x, f) => st.conv2d(x, f),
    oracle: (tf, x, f) => tf.conv2d(as4(x), as4(f), 1, 'valid'),
  },
  {
    name: 'conv2d same, stride 2',
    op: 'conv2d',
    inputs: [{ shape: [2, 5, 5, 2] }, F],
    run: (x, f) => st.conv2d(x, f, { strides: 2, padding: 'same' }),
    oracle: (tf, x, f) => tf.conv2d(as4(x), as4(f), 2, 'same'),
  },
  {
    name: 'conv2d dilation 2',
    op: 'conv2d',
    inputs: [{ shape: [1, 5, 5, 1] }, { shape: [2, 2, 1, 2] }],
    run: (x, f) => st.conv2d(x, f, { dilations: 2 }),
    oracle: (tf, x, f) => tf.conv2d(as4(x), as4(dilateFilter(tf, f, 2)), 1, 'valid'),
  },
  {
    name: 'conv2d unbatched, explicit padding',
    op: 'conv2d',
    inputs: [{ shape: [3, 3, 2] }, F],
    run: (x, f) =>
      st.conv2d(x, f, {
        padding: [
          [1, 0],
          [0, 1],
        ],
      }),
    oracle: (tf, x, f) =>
      tf.conv2d(x as tfc.Tensor3D, as4(f), 1, [
        [0, 0],
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
  },
  {
    name: 'conv2dTranspose stride 2',
    op: 'conv2dTranspose',
    inputs: [{ shape: [1, 2, 2, 3] }, F],
    run: (x, f) => st.conv2dTranspose(x, f, [1, 4, 4, 2], { strides: 2 }),
    oracle: (tf, x, f) => tf.conv2dTranspose(as4(x), as4(f), [1, 4, 4, 2], 2, 'valid'),
  },
  {
    name: 'conv2dBackpropInput',
    op: 'conv2dBackpropInput',
    inputs: [{ shape: [1, 3, 3, 3] }, F],
    run: (dy, f) => st.conv2dBackpropInput(dy, f, [1, 4, 4, 2]),
    oracle: (tf, dy, f) => tf.conv2dTranspose(as4(dy), as4(f), [1, 4, 4, 2], 1, 'valid'),
  },
  {
    name: 'conv2dBackpropFilter',
    op: 'conv2dBackpropFilter',
    inputs: [X, { shape: [1, 3, 3, 3] }],
    run: (x, dy) => st.conv2dBackpropFilter(x, dy, [2, 2, 2, 3]),
    oracle: (tf, x, dy) => filterGradient(tf, x, dy, [2, 2], false),
  },
  {
    name: 'conv1d same',
    op: 'conv1d',
    inputs: [{ shape: [2, 5, 2] }, { shape: [3, 2, 2] }],
    run: (x, f) => st.conv1d(x, f, { padding: 'same' }),
    oracle: (tf, x, f) => tf.conv1d(x as tfc.Tensor3D, f as tfc.Tensor3D, 1, 'same'),
  },
  {
    name: 'conv1d causal, dilation 2',
    op: 'conv1d',
    inputs: [{ shape: [1, 6, 1] }, { shape: [2, 1, 2] }],
    run: (x, f) => st.conv1d(x, f, { padding: 'causal', dilations: 2 }),
    oracle: (tf, x, f) =>
      tf.conv1d(
        tf.pad(x, [
          [0, 0],
          [2, 0],
          [0, 0],
        ]) as tfc.Tensor3D,
        tf.squeeze(dilateFilter(tf, tf.expandDims(f, 0), 2), [0]) as tfc.Tensor3D,
        1,
        'valid',
      ),
  },
  {
    name: 'depthwiseConv2d',
    op: 'depthwiseConv2d',
    inputs: [X, { shape: [2, 2, 2, 2] }],
    run: (x, f) => st.depthwiseConv2d(x, f),
    oracle: (tf, x, f) => tf.depthwiseConv2d(as4(x), as4(f), 1, 'valid'),
  },
  {
    name: 'depthwiseConv2d same, stride 2',
    op: 'depthwiseConv2d',
    inputs: [{ shape: [1, 5, 5, 2] }, { shape: [3, 3, 2, 1] }],
    run: (x, f) => st.depthwiseConv2d(x, f, { strides: 2, padding: 'same' }),
    oracle: (tf, x, f) => tf.depthwiseConv2d(as4(x), as4(f), 2, 'same'),
  },
  {
    name: 'depthwiseConv2dBackpropInput',
    op: 'depthwiseConv2dBackpropInput',
    inputs: [{ shape: [1, 3, 3, 2] }, { shape: [2, 2, 2, 1] }],
    run: (dy, f) => st.depthwiseConv2dBackpropInput(dy, f, [1, 4, 4, 2]),
    oracle: (tf, dy, f) => depthwiseInputGradient(tf, dy, f, [1, 4, 4, 2]),
  },
  {
    name: 'depthwiseConv2dBackpropFilter',
    op: 'depthwiseConv2dBackpropFilter',
    inputs: [X, { shape: [1, 3, 3, 2] }],
    run: (x, dy) => st.depthwiseConv2dBackpropFilter(x, dy, [2, 2, 2, 1]),
    oracle: (tf, x, dy) => filterGradient(tf, x, dy, [2, 2], true),
  },
  {
    name: 'maxPool2d 2x2',
    op: 'maxPool2d',
    inputs: [{ shape: [1, 4, 4, 2] }],
    run: (x) => st.maxPool2d(x, 2),
    oracle: (tf, x) => tf.maxPool(as4(x), 2, 2, 'valid'),
  },
  {
    name: 'maxPool2d 3x3 stride 1 same',
    op: 'maxPool2d',
    inputs: [{ shape: [1, 3, 4, 1] }],
    run: (x) => st.maxPool2d(x, 3, { strides: 1, padding: 'same' }),
    oracle: (tf, x) => tf.maxPool(as4(x), 3, 1, 'same'),
  },
  {
    name: 'avgPool2d 2x2',
    op: 'avgPool2d',
    inputs: [{ shape: [2, 4, 4, 1] }],
    run: (x) => st.avgPool2d(x, 2),
    oracle: (tf, x) => tf.avgPool(as4(x), 2, 2, 'valid'),
  },
  {
    name: 'avgPool2d 3x3 stride 2 same',
    op: 'avgPool2d',
    inputs: [{ shape: [1, 5, 5, 2] }],
    run: (x) => st.avgPool2d(x, 3, { strides: 2, padding: 'same' }),
    oracle: (tf, x) => {
      // tfjs's own AvgPool gradient divides by the full window at the borders, disagreeing with its
      // forward op (and with finite differences): the oracle averages the zero-padded input instead.
      const pads: [number, number][] = [
        [0, 0],
        [1, 1],
        [1, 1],
        [0, 0],
      ];
      return tf.div(
        tf.avgPool(as4(tf.pad(x, pads)), 3, 2, 'valid'),
        tf.avgPool(as4(tf.pad(tf.onesLike(x), pads)), 3, 2, 'valid'),
      );
    },
  },
  {
    name: 'maxPool1d',
    op: 'maxPool1d',
    inputs: [{ shape: [2, 6, 2] }],
    run: (x) => st.maxPool1d(x, 2),
    oracle: (tf, x) =>
      tf.reshape(tf.maxPool(tf.reshape(x, [2, 1, 6, 2]) as tfc.Tensor4D, [1, 2], [1, 2], 'valid'), [2, 3, 2]),
  },
  {
    name: 'avgPool1d',
    op: 'avgPool1d',
    inputs: [{ shape: [6, 2] }],
    run: (x) => st.avgPool1d(x, 3, { strides: 1 }),
    oracle: (tf, x) =>
      tf.reshape(tf.avgPool(tf.reshape(x, [1, 1, 6, 2]) as tfc.Tensor4D, [1, 3], [1, 1], 'valid'), [4, 2]),
  },
  {
    name: 'maxPool2dGrad 2x2',
    op: 'maxPool2dGrad',
    inputs: [{ shape: [1, 2, 2, 2] }, { shape: [1, 4, 4, 2] }],
    wrt: [0],
    run: (dy, x) => st.maxPool2dGrad(dy, x, st.maxPool2d(x, 2), { poolSize: 2 }),
    oracle: (tf, dy, x) => maxPoolGradOracle(tf, dy, x, 2, 2, 'valid'),
  },
  {
    name: 'maxPool2dGrad 3x3 stride 2 same',
    op: 'maxPool2dGrad',
    inputs: [{ shape: [1, 2, 3, 1] }, { shape: [1, 3, 5, 1] }],
    wrt: [0],
    run: (dy, x) =>
      st.maxPool2dGrad(dy, x, st.maxPool2d(x, 3, { strides: 2, padding: 'same' }), {
        poolSize: 3,
        strides: 2,
        padding: 'same',
      }),
    oracle: (tf, dy, x) => maxPoolGradOracle(tf, dy, x, 3, 2, 'same'),
  },
  {
    name: 'avgPool2dGrad 3x3 stride 2 same',
    op: 'avgPool2dGrad',
    inputs: [{ shape: [1, 3, 3, 1] }, { shape: [1, 5, 5, 1] }],
    wrt: [0],
    run: (dy, x) => st.avgPool2dGrad(dy, x, { poolSize: 3, strides: 2, padding: 'same' }),
    oracleGap: 'tfjs has no public AvgPoolGrad op (only its kernel, without a gradient)',
  },
  {
    name: 'avgPool2dGrad 2x2 stride 2',
    op: 'avgPool2dGrad',
    inputs: [{ shape: [1, 2, 2, 2] }, { shape: [1, 4, 4, 2] }],
    wrt: [0],
    run: (dy, x) => st.avgPool2dGrad(dy, x, { poolSize: 2 }),
    oracle: (tf, dy) =>
      tf.div(tf.reshape(tf.mul(tf.reshape(dy, [2, 1, 2, 1, 2]), tf.ones([1, 2, 1, 2, 1])), [1, 4, 4, 2]), 4),
  },
  {
    name: 'softmax last axis',
    op: 'softmax',
    inputs: [{ shape: [2, 4] }],
    run: (x) => st.softmax(x),
    oracle: (tf, x) => tf.softmax(x),
  },
  {
    name: 'softmax axis 0',
    op: 'softmax',
    inputs: [{ shape: [3, 2] }],
    run: (x) => st.softmax(x, 0),
    oracle: (tf, x) => tf.transpose(tf.softmax(tf.transpose(x))),
  },
  {
    name: 'logSoftmax',
    op: 'logSoftmax',
    inputs: [{ shape: [2, 4] }],
    run: (x) => st.logSoftmax(x),
    oracle: (tf, x) => tf.logSoftmax(x),
  },
  {
    name: 'batchNorm with offset and scale',
    op: 'batchNorm',
    inputs: [{ shape: [2, 3] }, { shape: [3] }, { shape: [3], fill: 'positive' }, { shape: [3] }, { shape: [3] }],
    run: (x, m, v, o, s) => st.batchNorm(x, m, v, o, s, 0.01),
    oracle: (tf, x, m, v, o, s) => tf.batchNorm(x, m, v, o, s, 0.01),
  },
  {
    name: 'batchNorm without offset and scale',
    op: 'batchNorm',
    inputs: [{ shape: [2, 2, 2] }, { shape: [2] }, { shape: [2], fill: 'positive' }],
    run: (x, m, v) => st.batchNorm(x, m, v),
    oracle: (tf, x, m, v) => tf.batchNorm(x, m, v, tf.zeros([2]), tf.ones([2]), 0.001),
  },
  {
    name: 'dropout rate 0.5 (same mask)',
    op: 'dropout',
    inputs: [{ shape: [3, 4] }],
    run: (x) => st.dropout(x, 0.5, { seed: MASK_SEED }),
    oracle: (tf, x) => tf.mul(x, tf.tensor(dropoutMask([3, 4], 0.5), [3, 4])),
  },
  {
    name: 'resizeBilinear up',
    op: 'resizeBilinear',
    inputs: [{ shape: [1, 3, 3, 2] }],
    run: (x) => st.resizeBilinear(x, [5, 5]),
    oracle: (tf, x) => tf.image.resizeBilinear(as4(x), [5, 5]),
  },
  {
    name: 'resizeBilinear alignCorners, unbatched',
    op: 'resizeBilinear',
    inputs: [{ shape: [3, 3, 1] }],
    run: (x) => st.resizeBilinear(x, [4, 4], { alignCorners: true }),
    oracle: (tf, x) => tf.image.resizeBilinear(x as tfc.Tensor3D, [4, 4], true),
  },
  {
    name: 'resizeBilinear halfPixelCenters',
    op: 'resizeBilinear',
    inputs: [{ shape: [1, 3, 2, 1] }],
    run: (x) => st.resizeBilinear(x, [4, 5], { halfPixelCenters: true }),
    oracleGap: "tfjs's ResizeBilinearGrad kernels ignore halfPixelCenters",
  },
  {
    name: 'resizeNearestNeighbor up',
    op: 'resizeNearestNeighbor',
    inputs: [{ shape: [1, 3, 3, 1] }],
    run: (x) => st.resizeNearestNeighbor(x, [5, 5]),
    oracle: (tf, x) => tf.image.resizeNearestNeighbor(as4(x), [5, 5]),
  },
  {
    name: 'resizeNearestNeighbor non-square',
    op: 'resizeNearestNeighbor',
    inputs: [{ shape: [1, 2, 3, 1] }],
    run: (x) => st.resizeNearestNeighbor(x, [4, 5]),
    oracleGap: "tfjs's ResizeNearestNeighbor gradient gives a transposed shape for non-square images",
  },
  {
    name: 'resizeBilinearGrad',
    op: 'resizeBilinearGrad',
    inputs: [{ shape: [1, 4, 5, 1] }, { shape: [1, 2, 3, 1] }],
    wrt: [0],
    run: (dy, x) => st.resizeBilinearGrad(dy, x),
    oracleGap: 'tfjs has no public ResizeBilinearGrad op (only its kernel, without a gradient)',
  },
  {
    name: 'resizeNearestNeighborGrad',
    op: 'resizeNearestNeighborGrad',
    inputs: [{ shape: [2, 4, 5, 1] }, { shape: [2, 2, 3, 1] }],
    wrt: [0],
    run: (dy, x) => st.resizeNearestNeighborGrad(dy, x),
    oracleGap: 'tfjs has no public ResizeNearestNeighborGrad op (only its kernel, without a gradient)',
  },
  {
    name: 'topK k=2 of [2,4]',
    op: 'topK',
    inputs: [{ shape: [2, 4], fill: [0.3, -1.2, 2.1, 1.4, -0.2, 0.9, 0.1, -0.7] }],
    run: (x) => st.topK(x, 2).values,
    oracle: (tf, x) =>
      tf.stack(
        tf
          .unstack(x)
          .map((row) => tf.gather(row, tf.tensor1d(Array.from(tf.topk(row, 2).indices.dataSync()), 'int32'))),
      ),
  },
  {
    name: 'unsortedSegmentSum',
    op: 'unsortedSegmentSum',
    inputs: [{ shape: [4, 2] }, { shape: [4], dtype: 'int32', fill: [2, 0, 2, 1] }],
    run: (x, ids) => st.unsortedSegmentSum(x, ids, 3),
    oracle: (tf, x, ids) => tf.unsortedSegmentSum(x, ids as tfc.Tensor1D, 3),
  },
];
