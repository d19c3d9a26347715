import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { tensor, memory, dispose, variable, tidy, sum, type Tensor } from '@strata/tensor';
import { GradientTape } from '@strata/autodiff';
import { useCpu, values, expectClose } from '../testing/setup';
import * as L from './index';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await useCpu();
});

const YT = [
  [0, 1, 0.5],
  [1, 0, 2],
  [0.3, 0.3, 0.4],
];
const YP = [
  [0.2, 0.7, 0.4],
  [0.9, 0.05, 1.5],
  [0.1, 0.6, 0.3],
];
const SIGNED = [
  [-1, 1, 1],
  [1, -1, -1],
  [1, 1, -1],
];
const ONE_HOT = [
  [0, 1, 0],
  [1, 0, 0],
  [0, 0, 1],
];
const PROBS = [
  [0.2, 0.7, 0.1],
  [0.9, 0.05, 0.05],
  [0.1, 0.6, 0.3],
];
const LOGITS = [
  [2, -1, 0.5],
  [-3, 4, 1],
  [0.1, 0.2, 0.3],
];

function ours(fn: (t: Tensor, p: Tensor) => Tensor, yt: number[][], yp: number[][]): number[] {
  const t = tensor(yt),
    p = tensor(yp);
  const out = fn(t, p);
  const v = values(out);
  dispose([t, p, out]);
  return v;
}
function theirs(fn: (t: tf.Tensor, p: tf.Tensor) => tf.Tensor, yt: number[][], yp: number[][]): number[] {
  return tf.tidy(() => Array.from(fn(tf.tensor(yt), tf.tensor(yp)).dataSync()));
}

const M = tfl.metrics as unknown as Record<string, (t: tf.Tensor, p: tf.Tensor) => tf.Tensor>;
const cases: [
  string,
  (t: Tensor, p: Tensor) => Tensor,
  (t: tf.Tensor, p: tf.Tensor) => tf.Tensor,
  number[][],
  number[][],
][] = [
  ['meanSquaredError', L.meanSquaredError, M.meanSquaredError, YT, YP],
  ['meanAbsoluteError', L.meanAbsoluteError, M.meanAbsoluteError, YT, YP],
  ['meanAbsolutePercentageError', L.meanAbsolutePercentageError, M.meanAbsolutePercentageError, YT, YP],
  [
    'meanSquaredLogarithmicError',
    L.meanSquaredLogarithmicError,
    (t, p) => tf.mean(tf.square(tf.sub(tf.log1p(tf.maximum(p, 1e-7)), tf.log1p(tf.maximum(t, 1e-7)))), -1),
    YT,
    YP,
  ],
  // tf.losses.hingeLoss maps {0,1} labels to {-1,1} itself, as Keras 3 does
  [
    'hinge on {0,1} labels',
    L.hinge,
    (t, p) => tf.mean(tf.losses.hingeLoss(t, p, undefined, tf.Reduction.NONE), -1),
    ONE_HOT,
    YP,
  ],
  ['hinge on {-1,1} labels', L.hinge, (t, p) => tf.mean(tf.relu(tf.sub(1, tf.mul(t, p))), -1), SIGNED, YP],
  [
    'squaredHinge',
    L.squaredHinge,
    (t, p) => tf.mean(tf.square(tf.losses.hingeLoss(t, p, undefined, tf.Reduction.NONE)), -1),
    ONE_HOT,
    YP,
  ],
  [
    'categoricalHinge',
    L.categoricalHinge,
    (t, p) => tf.relu(tf.add(tf.sub(tf.max(tf.mul(tf.sub(1, t), p), -1), tf.sum(tf.mul(t, p), -1)), 1)),
    ONE_HOT,
    YP,
  ],
  ['logCosh', L.logCosh, (t, p) => tf.mean(tf.log(tf.cosh(tf.sub(p, t))), -1), YT, YP],
  ['binaryCrossentropy', L.binaryCrossentropy, M.binaryCrossentropy, ONE_HOT, PROBS],
  ['categoricalCrossentropy', L.categoricalCrossentropy, (t, p) => M.categoricalCrossentropy(t, p), ONE_HOT, PROBS],
  [
    'kullbackLeiblerDivergence',
    L.kullbackLeiblerDivergence,
    (t, p) => tf.sum(tf.mul(t, tf.log(tf.div(t, p))), -1),
    PROBS,
    [
      [0.3, 0.3, 0.4],
      [0.8, 0.1, 0.1],
      [0.2, 0.5, 0.3],
    ],
  ],
  ['poisson', L.poisson, (t, p) => tf.mean(tf.sub(p, tf.mul(t, tf.log(tf.add(p, 1e-7)))), -1), YT, YP],
  ['cosineSimilarity', L.cosineSimilarity, (t, p) => M.cosineProximity(t, p), YT, YP],
];

test.each(cases)('%s matches tfjs-layers per sample', (_name, fn, ref, yt, yp) => {
  const before = memory().numTensors;
  expectClose(ours(fn, yt, yp), theirs(ref, yt, yp), 1e-5);
  expect(memory().numTensors).toBe(before);
});

test('huber matches tf.losses.huberLoss and the formula by hand', () => {
  const got = ours((t, p) => L.huber(t, p, 0.5), YT, YP);
  const want = theirs((t, p) => tf.mean(tf.losses.huberLoss(t, p, undefined, 0.5, tf.Reduction.NONE), -1), YT, YP);
  expectClose(got, want, 1e-6);
  // error 1.5 > delta 1: 1·1.5 - 0.5 = 1; error 0.5: 0.5·0.25 = 0.125
  expectClose(ours(L.huber, [[0, 0]], [[1.5, 0.5]]), [(1 + 0.125) / 2]);
});

test('crossentropies from logits match tf.losses, with label smoothing', () => {
  const ce = ours(
    (t, p) => L.categoricalCrossentropy(t, p, { fromLogits: true, labelSmoothing: 0.1 }),
    ONE_HOT,
    LOGITS,
  );
  expectClose(
    ce,
    theirs((t, p) => tf.losses.softmaxCrossEntropy(t, p, undefined, 0.1, tf.Reduction.NONE), ONE_HOT, LOGITS),
    1e-5,
  );
  const bce = ours((t, p) => L.binaryCrossentropy(t, p, { fromLogits: true, labelSmoothing: 0.2 }), ONE_HOT, LOGITS);
  expectClose(
    bce,
    theirs(
      (t, p) => tf.mean(tf.losses.sigmoidCrossEntropy(t, p, undefined, 0.2, tf.Reduction.NONE), -1),
      ONE_HOT,
      LOGITS,
    ),
    1e-5,
  );
  const labels = tensor([1, 0, 2], undefined, 'int32');
  const logits = tensor(LOGITS);
  const sparse = L.sparseCategoricalCrossentropy(labels, logits, { fromLogits: true });
  expectClose(
    values(sparse),
    theirs((t, p) => tf.losses.softmaxCrossEntropy(t, p, undefined, 0, tf.Reduction.NONE), ONE_HOT, LOGITS),
    1e-5,
  );
  const sparseProbs = L.sparseCategoricalCrossentropy(labels, tensor(PROBS));
  expectClose(
    values(sparseProbs),
    theirs((t, p) => M.categoricalCrossentropy(t, p), ONE_HOT, PROBS),
    1e-5,
  );
  dispose([labels, logits, sparse, sparseProbs]);
});

test('crossentropies are finite, with finite gradients, on extreme logits', () => {
  const before = memory().numTensors;
  const logits = variable([
    [1e4, -1e4, 0],
    [-1e4, 1e4, 50],
    [88, -88, 1e-30],
  ]);
  const losses: [string, (t: Tensor, p: Tensor) => Tensor, number[][]][] = [
    ['categorical', (t, p) => L.categoricalCrossentropy(t, p, { fromLogits: true }), ONE_HOT],
    ['binary', (t, p) => L.binaryCrossentropy(t, p, { fromLogits: true }), ONE_HOT],
    ['sparse', (t, p) => L.sparseCategoricalCrossentropy(t, p, { fromLogits: true }), [[1], [0], [2]]],
  ];
  for (const [name, fn, labels] of losses) {
    tidy(() => {
      const tape = new GradientTape();
      const y = tensor(labels);
      const loss = tape.record(() => sum(fn(y, logits)));
      const [g] = tape.gradient(loss, [logits]);
      const lv = values(loss)[0];
      expect({ name, finite: Number.isFinite(lv) }).toEqual({ name, finite: true });
      expect(values(g!).every(Number.isFinite)).toBe(true);
    });
  }
  // the wrong class at logit 1e4 costs 2e4 nats (first row, true class 1): the exact value, not inf
  tidy(() =>
    expectClose(
      values(L.categoricalCrossentropy(tensor([ONE_HOT[0]]), tensor([[1e4, -1e4, 0]]), { fromLogits: true })),
      [2e4],
    ),
  );
  // probabilities at exactly 0 and 1 are clipped to [1e-7, 1 - 1e-7] (1 - 1e-7 is 1 - 1.19e-7 in float32)
  tidy(() =>
    expect(values(L.binaryCrossentropy(tensor([[1, 0]]), tensor([[0, 1]])))[0]).toBeCloseTo(
      (-Math.log(1e-7) - Math.log(1.1920929e-7)) / 2,
      3,
    ),
  );
  logits.dispose();
  expect(memory().numTensors).toBe(before);
});

test('Loss classes reduce: sum_over_batch_size divides by the number of losses, sample weights scale each one', () => {
  tidy(() => {
    const t = tensor([[0], [0], [0], [0]]);
    const p = tensor([[1], [2], [3], [4]]);
    const w = tensor([1, 0, 0, 2]);
    expectClose(values(new L.MeanSquaredError().apply(t, p)), [(1 + 4 + 9 + 16) / 4]);
    expectClose(values(new L.MeanSquaredError().apply(t, p, w)), [(1 + 32) / 4]);
    expectClose(values(new L.MeanSquaredError({ reduction: 'sum' }).apply(t, p, w)), [33]);
    expectClose(values(new L.MeanSquaredError({ reduction: 'meanWithSampleWeight' }).apply(t, p, w)), [33 / 3]);
    expectClose(values(new L.MeanAbsoluteError({ reduction: 'none' }).apply(t, p)), [1, 2, 3, 4]);
    expect(new L.MeanSquaredError().call(t, p).shape).toEqual([4]);
    expect(() => new L.MeanSquaredError({ reduction: 'avg' as never })).toThrow(
      /unknown reduction "avg"; expected one of sum_over_batch_size, sum, none, mean, mean_with_sample_weight/,
    );
    expect(() => new L.MeanSquaredError().apply(t, p, tensor([1, 2]))).toThrow(
      /sampleWeight of shape \[2\] does not fit the per-sample losses of shape \[4\]/,
    );
  });
});

test('labels of the wrong shape or dtype name the loss, what was expected and the fix', () => {
  tidy(() => {
    const probs = tensor(PROBS);
    expect(() => L.sparseCategoricalCrossentropy(tensor(ONE_HOT), probs)).toThrow(
      'sparseCategoricalCrossentropy: expected integer class labels of shape [3] (or [3,1]) for predictions of shape [3,3], received labels of shape [3,3]; these look like one-hot labels: use categoricalCrossentropy for them',
    );
    expect(() => L.categoricalCrossentropy(tensor([1, 0, 2]), probs)).toThrow(
      'categoricalCrossentropy: labels of shape [3] do not match predictions of shape [3,3]; expected labels of shape [3,3]; for integer class labels use sparseCategoricalCrossentropy',
    );
    expect(() => L.meanSquaredError(tensor([[1, 2]]), tensor([[1, 2, 3]]))).toThrow(
      /meanSquaredError: labels of shape \[1,2\] do not match predictions of shape \[1,3\]/,
    );
    expect(() => L.sparseCategoricalCrossentropy(tensor([true, false, true]), probs)).toThrow(
      /labels must be class indices \(int32, or float32 holding integers\), received bool/,
    );
    expect(() => L.meanSquaredError(tensor([1, 2]), tensor([1, 2], undefined, 'int32'))).toThrow(
      /predictions must be float32, received int32/,
    );
    // [N] labels against [N,1] predictions are aligned, as Keras does
    expectClose(values(L.meanSquaredError(tensor([1, 2]), tensor([[1], [4]]))), [0, 4]);
  });
});

test('losses resolve by class name, function name in either casing, alias, or function; unknown names list the valid ones', () => {
  expect(L.getLoss('mse')).toBeInstanceOf(L.MeanSquaredError);
  expect(L.getLoss('sparse_categorical_crossentropy')).toBeInstanceOf(L.SparseCategoricalCrossentropy);
  expect(L.getLoss('sparseCategoricalCrossentropy')).toBeInstanceOf(L.SparseCategoricalCrossentropy);
  expect(L.getLoss('BinaryCrossentropy')).toBeInstanceOf(L.BinaryCrossentropy);
  expect(L.getLoss({ className: 'CategoricalCrossentropy', config: { fromLogits: true } })).toMatchObject({
    fromLogits: true,
  });
  const custom = L.getLoss(function myLoss(t: Tensor, p: Tensor) {
    return L.meanAbsoluteError(t, p);
  });
  expect(custom.name).toBe('my_loss');
  expect(() => L.getLoss('mean_sqared_error')).toThrow(
    /unknown loss "mean_sqared_error"; expected one of mean_squared_error \(mse\), mean_absolute_error \(mae\)/,
  );
});
