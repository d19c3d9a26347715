// The results the doc comments' @example blocks state, computed. Most inputs and results are those
// of Keras 3's own docstrings for the same classes (an oracle no one here wrote); the schedules'
// are hand-computed from their formulas.
import { tensor, memory, type Tensor } from '@strata/tensor';
import { useCpu, values, expectClose } from './testing/setup';
import * as training from './index';
import * as trainingInternal from './internal';
import * as metricHelpers from './metrics';

const { metrics } = training;

beforeAll(useCpu);

function read(t: Tensor): number[] {
  const v = values(t);
  t.dispose();
  return v;
}

test.each([
  [
    'MeanSquaredError',
    new training.MeanSquaredError(),
    [
      [0, 1],
      [0, 0],
    ],
    [
      [1, 1],
      [1, 0],
    ],
    0.5,
  ],
  [
    'MeanAbsoluteError',
    new training.MeanAbsoluteError(),
    [
      [0, 1],
      [0, 0],
    ],
    [
      [1, 1],
      [1, 0],
    ],
    0.5,
  ],
  [
    'MeanAbsolutePercentageError',
    new training.MeanAbsolutePercentageError(),
    [
      [2, 1],
      [2, 3],
    ],
    [
      [1, 1],
      [1, 0],
    ],
    50,
  ],
  [
    'MeanSquaredLogarithmicError',
    new training.MeanSquaredLogarithmicError(),
    [
      [0, 1],
      [0, 0],
    ],
    [
      [1, 1],
      [1, 0],
    ],
    0.24,
  ],
  [
    'Huber',
    new training.Huber({ delta: 1 }),
    [
      [0, 1],
      [0, 0],
    ],
    [
      [0.6, 0.4],
      [0.4, 0.6],
    ],
    0.155,
  ],
  [
    'LogCosh',
    new training.LogCosh(),
    [
      [0, 1],
      [0, 0],
    ],
    [
      [1, 1],
      [0, 0],
    ],
    0.108,
  ],
  [
    'CosineSimilarity',
    new training.CosineSimilarity({ axis: 1 }),
    [
      [0, 1],
      [1, 1],
    ],
    [
      [1, 0],
      [1, 1],
    ],
    -0.5,
  ],
  [
    'BinaryCrossentropy',
    new training.BinaryCrossentropy({ fromLogits: true }),
    [0, 1, 0, 0],
    [-18.6, 0.51, 2.94, -12.8],
    0.865,
  ],
  [
    'CategoricalCrossentropy',
    new training.CategoricalCrossentropy(),
    [
      [0, 1, 0],
      [0, 0, 1],
    ],
    [
      [0.05, 0.95, 0],
      [0.1, 0.8, 0.1],
    ],
    1.177,
  ],
  [
    'SparseCategoricalCrossentropy',
    new training.SparseCategoricalCrossentropy(),
    [1, 2],
    [
      [0.05, 0.95, 0],
      [0.1, 0.8, 0.1],
    ],
    1.177,
  ],
  [
    'KLDivergence',
    new training.KLDivergence(),
    [
      [0, 1],
      [0, 0],
    ],
    [
      [0.6, 0.4],
      [0.4, 0.6],
    ],
    0.458,
  ],
  [
    'Poisson',
    new training.Poisson(),
    [
      [0, 1],
      [0, 0],
    ],
    [
      [1, 1],
      [0, 0],
    ],
    0.5,
  ],
  [
    'Hinge',
    new training.Hinge(),
    [
      [0, 1],
      [0, 0],
    ],
    [
      [0.6, 0.4],
      [0.4, 0.6],
    ],
    1.3,
  ],
  [
    'SquaredHinge',
    new training.SquaredHinge(),
    [
      [0, 1],
      [0, 0],
    ],
    [
      [0.6, 0.4],
      [0.4, 0.6],
    ],
    1.86,
  ],
  [
    'CategoricalHinge',
    new training.CategoricalHinge(),
    [
      [0, 1],
      [0, 0],
    ],
    [
      [0.6, 0.4],
      [0.4, 0.6],
    ],
    1.4,
  ],
] as const)('the %s example', (_name, loss, yTrue, yPred, want) => {
  const before = memory().numTensors;
  const t = tensor(yTrue as never);
  const p = tensor(yPred as never);
  expectClose(read(loss.apply(t, p)), [want], 2e-3);
  t.dispose();
  p.dispose();
  expect(memory().numTensors).toBe(before);
});

test.each([
  ['Accuracy', () => new metrics.Accuracy(), [[1], [2], [3], [4]], [[0], [2], [3], [4]], 0.75],
  [
    'BinaryAccuracy',
    () => new metrics.BinaryAccuracy({ threshold: 0.5 }),
    [[1], [1], [0], [0]],
    [[0.98], [1], [0], [0.6]],
    0.75,
  ],
  [
    'CategoricalAccuracy',
    () => new metrics.CategoricalAccuracy(),
    [
      [0, 0, 1],
      [0, 1, 0],
    ],
    [
      [0.1, 0.9, 0.8],
      [0.05, 0.95, 0],
    ],
    0.5,
  ],
  [
    'SparseCategoricalAccuracy',
    () => new metrics.SparseCategoricalAccuracy(),
    [[2], [1]],
    [
      [0.1, 0.6, 0.3],
      [0.05, 0.95, 0],
    ],
    0.5,
  ],
  [
    'TopKCategoricalAccuracy',
    () => new metrics.TopKCategoricalAccuracy({ k: 1 }),
    [
      [0, 0, 1],
      [0, 1, 0],
    ],
    [
      [0.1, 0.9, 0.8],
      [0.05, 0.95, 0],
    ],
    0.5,
  ],
  [
    'SparseTopKCategoricalAccuracy',
    () => new metrics.SparseTopKCategoricalAccuracy({ k: 1 }),
    [2, 1],
    [
      [0.1, 0.9, 0.8],
      [0.05, 0.95, 0],
    ],
    0.5,
  ],
  ['AUC', () => new metrics.AUC({ numThresholds: 3 }), [0, 0, 1, 1], [0, 0.5, 0.3, 0.9], 0.75],
  ['Precision', () => new metrics.Precision(), [0, 1, 1, 1], [1, 0, 1, 1], 2 / 3],
  ['Recall', () => new metrics.Recall(), [0, 1, 1, 1], [1, 0, 1, 1], 2 / 3],
  [
    'MeanSquaredError metric',
    () => new metrics.MeanSquaredError(),
    [
      [0, 1],
      [0, 0],
    ],
    [
      [1, 1],
      [0, 0],
    ],
    0.25,
  ],
  [
    'MeanAbsoluteError metric',
    () => new metrics.MeanAbsoluteError(),
    [
      [0, 1],
      [0, 0],
    ],
    [
      [1, 1],
      [0, 0],
    ],
    0.25,
  ],
  [
    'RootMeanSquaredError',
    () => new metrics.RootMeanSquaredError(),
    [
      [0, 1],
      [0, 0],
    ],
    [
      [1, 1],
      [0, 0],
    ],
    0.5,
  ],
] as const)('the %s example', (_name, make, yTrue, yPred, want) => {
  const m = make();
  const t = tensor(yTrue as never);
  const p = tensor(yPred as never);
  m.updateState(t, p);
  expectClose(read(m.result()), [want], 1e-3);
  t.dispose();
  p.dispose();
  m.dispose();
});

test('the Mean and Sum examples', () => {
  const x = tensor([1, 3, 5, 7]);
  const mean = new metrics.Mean();
  const sum = new metrics.Sum();
  mean.updateState(x);
  sum.updateState(x);
  expect(read(mean.result())).toEqual([4]);
  expect(read(sum.result())).toEqual([16]);
  x.dispose();
  mean.dispose();
  sum.dispose();
});

test('the schedule examples', () => {
  const exp = new training.ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 1000, decayRate: 0.5 });
  expect(exp.call(2000)).toBeCloseTo(0.025, 10);
  const inv = new training.InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 1000, decayRate: 1 });
  expect(inv.call(1000)).toBeCloseTo(0.05, 10);
  const poly = new training.PolynomialDecay({ initialLearningRate: 0.1, decaySteps: 10000, endLearningRate: 0.01 });
  expect(poly.call(5000)).toBeCloseTo(0.055, 10);
  const cosine = new training.CosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 });
  expect(cosine.call(500)).toBeCloseTo(0.05, 10);
  const piecewise = new training.PiecewiseConstantDecay({ boundaries: [100000, 110000], values: [1, 0.5, 0.1] });
  expect([piecewise.call(0), piecewise.call(100001), piecewise.call(200000)]).toEqual([1, 0.5, 0.1]);
});

test('the Dataset examples', async () => {
  const batches = await training.Dataset.fromArray([1, 2, 3, 4, 5]).batch(2).toArray();
  expect(batches.map((b) => read(b as Tensor))).toEqual([[1, 2], [3, 4], [5]]);
  expect(await training.Dataset.fromArray([1, 2]).repeat(3).toArray()).toEqual([1, 2, 1, 2, 1, 2]);
  expect(await training.Dataset.fromArray([1, 2, 3, 4]).take(2).toArray()).toEqual([1, 2]);
  expect(await training.Dataset.fromArray([1, 2, 3, 4]).skip(2).toArray()).toEqual([3, 4]);
});

test('the loss function, getLoss, getMetric and getOptimizer examples', () => {
  const pairs: [(a: Tensor, b: Tensor) => Tensor, unknown, unknown, number[]][] = [
    [
      training.meanSquaredError,
      [
        [0, 1],
        [0, 0],
      ],
      [
        [1, 1],
        [1, 0],
      ],
      [0.5, 0.5],
    ],
    [
      training.meanAbsoluteError,
      [
        [0, 1],
        [0, 0],
      ],
      [
        [1, 1],
        [1, 0],
      ],
      [0.5, 0.5],
    ],
    [training.categoricalCrossentropy, [[0, 1, 0]], [[0.05, 0.95, 0]], [0.0513]],
    [training.sparseCategoricalCrossentropy, [1], [[0.05, 0.95, 0]], [0.0513]],
    [training.binaryCrossentropy, [[0, 1]], [[0.4, 0.6]], [0.5108]],
  ];
  for (const [fn, yTrue, yPred, want] of pairs) {
    const t = tensor(yTrue as never);
    const p = tensor(yPred as never);
    expectClose(read(fn(t, p)), want, 1e-3);
    t.dispose();
    p.dispose();
  }
  expect(training.getLoss('mse')).toBeInstanceOf(training.MeanSquaredError);
  expect(training.getLoss((a: Tensor, b: Tensor) => training.meanAbsoluteError(a, b))).toBeInstanceOf(
    training.LossFunctionWrapper,
  );
  const mae = training.getMetric('mae');
  expect(mae).toBeInstanceOf(metrics.MeanAbsoluteError);
  mae.dispose();
  const sgd = training.getOptimizer({ className: 'SGD', config: { learningRate: 0.1, momentum: 0.9 } });
  expect(sgd).toBeInstanceOf(training.SGD);
  expect((sgd as InstanceType<typeof training.SGD>).momentum).toBe(0.9);
  expect(training.getOptimizer('adam')).toBeInstanceOf(training.Adam);
});

test('the accuracy function examples', () => {
  const probs = tensor([
    [0.1, 0.6, 0.3],
    [0.05, 0.95, 0],
  ]);
  const labels = tensor([2, 1]);
  expect(read(training.metrics.sparseCategoricalAccuracy(labels, probs))).toEqual([0, 1]);
  const oneHot = tensor([
    [0, 0, 1],
    [0, 1, 0],
  ]);
  const scores = tensor([
    [0.1, 0.9, 0.8],
    [0.05, 0.95, 0],
  ]);
  expect(read(training.metrics.categoricalAccuracy(oneHot, scores))).toEqual([0, 1]);
  const binary = tensor([[1], [0]]);
  const p = tensor([[0.7], [0.6]]);
  expect(read(training.metrics.binaryAccuracy(binary, p))).toEqual([1, 0]);
  for (const t of [probs, labels, oneHot, scores, binary, p]) t.dispose();
});

test('the helper function examples', async () => {
  const y = tensor([
    [0, 1],
    [0, 0],
  ]);
  const p = tensor([
    [0.6, 0.4],
    [0.4, 0.6],
  ]);
  const p2 = tensor([
    [1, 1],
    [0, 0],
  ]);
  const p3 = tensor([
    [1, 1],
    [1, 0],
  ]);
  expectClose(read(training.hinge(y, p)), [1.1, 1.5], 1e-5);
  expectClose(read(training.squaredHinge(y, p)), [1.46, 2.26], 1e-5);
  expectClose(read(training.categoricalHinge(y, p)), [1.2, 1.6], 1e-5);
  expectClose(read(training.kullbackLeiblerDivergence(y, p)), [0.9163, 0], 1e-3);
  expectClose(read(training.poisson(y, p2)), [1, 0], 1e-5);
  expectClose(read(training.huber(y, p)), [0.18, 0.13], 1e-5);
  expectClose(read(training.logCosh(y, p2)), [0.2169, 0], 1e-3);
  expectClose(read(training.meanSquaredLogarithmicError(y, p3)), [0.2402, 0.2402], 1e-3);
  const a = tensor([
    [2, 1],
    [2, 3],
  ]);
  expectClose(read(training.meanAbsolutePercentageError(a, p3)), [25, 75], 1e-4);
  const c1 = tensor([
    [0, 1],
    [1, 1],
  ]);
  const c2 = tensor([
    [1, 0],
    [1, 1],
  ]);
  expectClose(read(training.cosineSimilarity(c1, c2, 1)), [0, -1], 1e-5);
  const v = tensor([3, 4]);
  expectClose(read(trainingInternal.l2Normalize(v)), [0.6, 0.8], 1e-5);
  expectClose(read(training.clipByNorm(v, 1)), [0.6, 0.8], 1e-5);
  const parts = [tensor([3]), tensor([4])];
  expectClose(read(training.globalNorm(parts)), [5], 1e-6);
  expectClose(training.clipByGlobalNorm(parts, 1).flatMap(read), [0.6, 0.8], 1e-5);
  expect(trainingInternal.standardizeReduction('MyLoss', 'sumOverBatchSize')).toBe('sum_over_batch_size');
  const losses = tensor([1, 3]);
  const weights = tensor([1, 0]);
  expectClose(read(trainingInternal.reduceWeighted('MyLoss', losses, weights, 'sum_over_batch_size')), [0.5], 1e-6);
  const [labels, preds] = trainingInternal.alignLabels('MyLoss', tensor([1, 0]), tensor([[0.9], [0.2]]));
  expect(labels.shape).toEqual([2, 1]);
  const probabilities = tensor([
    [0.1, 0.8, 0.1],
    [0.2, 0.2, 0.6],
  ]);
  const sparse = trainingInternal.sparseLabels('MyLoss', tensor([[1], [2]]), probabilities);
  expect([sparse.dtype, ...values(sparse)]).toEqual(['int32', 1, 2]);
  const ids = tensor([1, 2, 3, 4]);
  const guess = tensor([0, 2, 3, 4]);
  expect(read(metrics.accuracy(ids, guess))).toEqual([0, 1, 1, 1]);
  const oneHot = tensor([
    [0, 0, 1],
    [0, 1, 0],
  ]);
  const scores = tensor([
    [0.1, 0.9, 0.8],
    [0.05, 0.95, 0],
  ]);
  const sparseIds = tensor([2, 1]);
  expect(read(metrics.topKCategoricalAccuracy(oneHot, scores, 2))).toEqual([1, 1]);
  expect(read(metrics.sparseTopKCategoricalAccuracy(sparseIds, scores, 2))).toEqual([1, 1]);
  const num = tensor([1, 2]);
  const den = tensor([0, 4]);
  expectClose(read(metricHelpers.divNoNan(num, den)), [0, 0.5], 1e-6);
  const rows = tensor([
    [1, 3],
    [5, 7],
  ]);
  const { values: sv, weight } = metricHelpers.samplewise('mean', rows, weights);
  expect([...read(sv), ...read(weight as Tensor)]).toEqual([2, 0, 1]);
  const decisions = metricHelpers.flattenDecisions('recall', tensor([[0, 1]]), tensor([[0.3, 0.8]]), null);
  expect(decisions.labels.shape).toEqual([2]);
  expect(values(decisions.weights)).toEqual([1, 1]);
  const thresholds = tensor([0.5]);
  const counts = metricHelpers.confusionCounts(decisions.labels, decisions.preds, decisions.weights, thresholds, [
    'tp',
    'fp',
  ]);
  expect([...read(counts.tp), ...read(counts.fp)]).toEqual([1, 0]);
  for (const t of [y, p, p2, p3, a, c1, c2, v, ...parts, losses, weights, labels, preds, probabilities, sparse])
    t.dispose();
  for (const t of [
    ids,
    guess,
    oneHot,
    scores,
    sparseIds,
    num,
    den,
    rows,
    decisions.labels,
    decisions.preds,
    decisions.weights,
    thresholds,
  ]) {
    t.dispose();
  }

  expect(trainingInternal.monitorMode('val_accuracy', 'auto')).toBe('max');
  expect(trainingInternal.monitorMode('val_loss', 'auto')).toBe('min');
  expect(trainingInternal.formatPath('ckpt/{epoch:02d}-{val_loss:.2f}.keras', { epoch: 3, val_loss: 0.1234 })).toBe(
    'ckpt/03-0.12.keras',
  );
  expect(trainingInternal.formatTimePerStep(0.005)).toBe('5ms/step');
  expect([trainingInternal.formatValue(0.40123), trainingInternal.formatValue(0.00012346)]).toEqual([
    '0.4012',
    '1.2346e-04',
  ]);
  expect(trainingInternal.histogramBuckets([0, 1, 2, 3], 2)).toEqual([
    [0, 1.5, 2],
    [1.5, 3, 2],
  ]);
  const record = new Uint8Array([1, 2, 3]);
  expect(trainingInternal.readRecords(trainingInternal.frameRecord(record))).toEqual([record]);
  expect(() => training.getOptimizer('adamm')).toThrow(training.TrainingError);

  const sink = new training.MemoryLogSink();
  const writer = new training.EventFileWriter('logs/train', sink);
  await writer.flush();
  expect([...sink.files.keys()][0]).toMatch(/^logs\/train\/events\.out\.tfevents\..*\.v2$/);

  const seen: number[] = [];
  const list = new training.CallbackList([new training.LambdaCallback({ onEpochEnd: (e) => void seen.push(e) })]);
  await list.onEpochEnd(0, { loss: 0.5 });
  expect(seen).toEqual([0]);
});
