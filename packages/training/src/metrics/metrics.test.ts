import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { tensor, memory, tidy, type Tensor } from '@strata/tensor';
import { useCpu, values, expectClose } from '../testing/setup';
import * as M from './index';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await useCpu();
});

/** Feeds batches to a metric and reads its result, checking that reset frees every state tensor. */
function run(metric: M.Metric, batches: [number[] | number[][], number[] | number[][], number[]?][]): number[] {
  const before = memory().numTensors;
  for (const [t, p, w] of batches) tidy(() => metric.updateState(tensor(t), tensor(p), w ? tensor(w) : undefined));
  const r = metric.result();
  const out = values(r);
  r.dispose();
  metric.resetState();
  expect(memory().numTensors).toBe(before);
  return out;
}
const tfMean = (fn: (t: tf.Tensor, p: tf.Tensor) => tf.Tensor, t: number[][], p: number[][]) =>
  tf.tidy(() => tf.mean(fn(tf.tensor(t), tf.tensor(p))).dataSync()[0]);

const ONE_HOT = [
  [0, 1, 0],
  [1, 0, 0],
  [0, 0, 1],
  [0, 1, 0],
];
const PROBS = [
  [0.2, 0.7, 0.1],
  [0.3, 0.6, 0.1],
  [0.1, 0.1, 0.8],
  [0.5, 0.3, 0.2],
];
const BIN_T = [[1], [0], [1], [1], [0]];
const BIN_P = [[0.9], [0.6], [0.4], [0.7], [0.1]];

test('accuracies match tfjs-layers', () => {
  expectClose(run(new M.CategoricalAccuracy(), [[ONE_HOT, PROBS]]), [
    tfMean(tfl.metrics.categoricalAccuracy, ONE_HOT, PROBS),
  ]);
  expectClose(run(new M.BinaryAccuracy(), [[BIN_T, BIN_P]]), [tfMean(tfl.metrics.binaryAccuracy, BIN_T, BIN_P)]);
  expectClose(run(new M.SparseCategoricalAccuracy(), [[[1, 0, 2, 1], PROBS]]), [
    tfMean(tfl.metrics.sparseCategoricalAccuracy, [[1], [0], [2], [1]], PROBS),
  ]);
  expectClose(run(new M.SparseCategoricalAccuracy(), [[[[1], [0], [2], [1]], PROBS]]), [0.5]);
});

test('accuracy accumulates across batches with sample weights, as a weighted mean', () => {
  // batch 1: right, wrong (weights 1, 3); batch 2: right (weight 4)
  expectClose(
    run(new M.SparseCategoricalAccuracy(), [
      [[1, 0], PROBS.slice(0, 2), [1, 3]],
      [[2], [PROBS[2]], [4]],
    ]),
    [5 / 8],
  );
});

test('top-k accuracy counts a label whose score is among the k largest', () => {
  // ranks of the true class: 1st, 2nd, 1st, 2nd
  expectClose(run(new M.TopKCategoricalAccuracy({ k: 1 }), [[ONE_HOT, PROBS]]), [0.5]);
  expectClose(run(new M.SparseTopKCategoricalAccuracy({ k: 2 }), [[[1, 0, 2, 1], PROBS]]), [1]);
  expectClose(run(new M.SparseTopKCategoricalAccuracy({ k: 1 }), [[[1, 0, 2, 0], PROBS]]), [0.75]);
});

test('precision and recall match tfjs-layers, per threshold', () => {
  const want = (fn: (t: tf.Tensor, p: tf.Tensor) => tf.Tensor) =>
    tf.tidy(() => fn(tf.tensor(BIN_T), tf.round(tf.tensor(BIN_P))).dataSync()[0]);
  expectClose(run(new M.Precision(), [[BIN_T, BIN_P]]), [want(tfl.metrics.precision)]);
  expectClose(run(new M.Recall(), [[BIN_T, BIN_P]]), [want(tfl.metrics.recall)]);
  // thresholds 0.3 and 0.8: predicted positive {0.9,0.6,0.4,0.7} then {0.9}
  expectClose(run(new M.Precision({ thresholds: [0.3, 0.8] }), [[BIN_T, BIN_P]]), [3 / 4, 1]);
  expectClose(run(new M.Recall({ thresholds: [0.3, 0.8] }), [[BIN_T, BIN_P]]), [1, 1 / 3]);
  // classId 1 of one-hot predictions: predicted positive (>0.5) rows 0 and 1; true rows 0 and 3
  expectClose(run(new M.Precision({ classId: 1 }), [[ONE_HOT, PROBS]]), [0.5]);
  // topK 1: only each row's top prediction can be positive
  expectClose(run(new M.Recall({ topK: 1, thresholds: 0 }), [[ONE_HOT, PROBS]]), [0.5]);
});

test('ROC AUC approaches the exact (Mann-Whitney) area; PR AUC is 1 for a perfect ranking', () => {
  const labels: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < 400; i++) {
    const y = i % 3 === 0 ? 1 : 0;
    labels.push(y);
    scores.push(Math.min(1, Math.max(0, 0.5 + (y ? 0.15 : -0.15) + 0.3 * Math.sin(i * 12.9898))));
  }
  let wins = 0,
    pairs = 0;
  labels.forEach((a, i) =>
    labels.forEach((b, j) => {
      if (a === 1 && b === 0) {
        pairs++;
        wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
      }
    }),
  );
  const [roc] = run(new M.AUC({ numThresholds: 1000 }), [[labels, scores]]);
  expect(Math.abs(roc - wins / pairs)).toBeLessThan(0.005);
  expectClose(
    run(new M.AUC({ curve: 'PR' }), [
      [
        [0, 0, 1, 1],
        [0.1, 0.2, 0.8, 0.9],
      ],
    ]),
    [1],
    1e-3,
  );
  expectClose(
    run(new M.AUC(), [
      [
        [0, 0, 1, 1],
        [0.9, 0.8, 0.2, 0.1],
      ],
    ]),
    [0],
    1e-3,
  );
  expect(run(new M.AUC({ summationMethod: 'minoring' }), [[labels, scores]])[0]).toBeLessThanOrEqual(roc + 1e-6);
  // the histogram path (evenly spaced thresholds) and the explicit-threshold path agree
  const inner = Array.from({ length: 48 }, (_, i) => (i + 1) / 49);
  for (const curve of ['ROC', 'PR'] as const) {
    expectClose(
      run(new M.AUC({ numThresholds: 50, curve }), [[labels, scores]]),
      run(new M.AUC({ thresholds: inner, curve }), [[labels, scores]]),
      1e-5,
    );
  }
});

test('F1 per class and averaged', () => {
  // predicted classes (argmax): 1, 1, 2, 0; true: 1, 0, 2, 1
  // class 0: tp 0 fp 1 fn 1 -> 0; class 1: tp 1 fp 1 fn 1 -> 0.5; class 2: tp 1 -> 1
  expectClose(run(new M.F1Score(), [[ONE_HOT, PROBS]]), [0, 0.5, 1], 1e-5);
  expectClose(run(new M.F1Score({ average: 'macro' }), [[ONE_HOT, PROBS]]), [0.5], 1e-5);
  expectClose(run(new M.F1Score({ average: 'micro' }), [[ONE_HOT, PROBS]]), [0.5], 1e-5);
  expectClose(run(new M.F1Score({ average: 'weighted' }), [[ONE_HOT, PROBS]]), [(0 * 1 + 0.5 * 2 + 1 * 1) / 4], 1e-5);
});

test('Mean, Sum, MSE, MAE and RMSE', () => {
  const mean = new M.Mean();
  const before = memory().numTensors;
  tidy(() => {
    mean.updateState(tensor([1, 2, 3]));
    mean.updateState(tensor([10]), tensor([3]));
  });
  const r = mean.result();
  expectClose(values(r), [(6 + 30) / 6]);
  r.dispose();
  mean.resetState();
  expect(memory().numTensors).toBe(before);
  const sum = new M.Sum();
  tidy(() => sum.updateState(tensor([1, 2, 3]), tensor([1, 0, 2])));
  tidy(() => expectClose(values(sum.result()), [7]));
  sum.resetState();
  expectClose(
    run(new M.MeanSquaredError(), [
      [[[0, 0]], [[1, 3]]],
      [[[0, 0]], [[2, 2]]],
    ]),
    [(5 + 4) / 2],
  );
  expectClose(run(new M.MeanAbsoluteError(), [[[[0, 0]], [[1, -3]]]]), [2]);
  expectClose(
    run(new M.RootMeanSquaredError(), [
      [[[0, 0]], [[1, 3]]],
      [[[0, 0]], [[2, 2]]],
    ]),
    [Math.sqrt(4.5)],
  );
});

test('metrics resolve by name; loss names give the mean of the loss; unknown names list the valid ones', () => {
  expect(M.getMetric('binary_accuracy')).toBeInstanceOf(M.BinaryAccuracy);
  expect(M.getMetric('mae').name).toBe('mae');
  expect(M.getMetric('AUC').name).toBe('auc');
  expect(M.getMetric('sparseCategoricalAccuracy').name).toBe('sparse_categorical_accuracy');
  const ce = M.getMetric('categorical_crossentropy');
  expect(ce.name).toBe('categorical_crossentropy');
  expectClose(
    run(ce, [[ONE_HOT, PROBS]]),
    [-(Math.log(0.7) + Math.log(0.3) + Math.log(0.8) + Math.log(0.3)) / 4],
    1e-5,
  );
  const custom = M.getMetric(function meanPrediction(_t: Tensor, p: Tensor) {
    return p;
  });
  expect(custom.name).toBe('mean_prediction');
  expect(() => M.getMetric('acuracy')).toThrow(
    /unknown metric "acuracy"; expected one of mean, sum, accuracy, binary_accuracy/,
  );
});
