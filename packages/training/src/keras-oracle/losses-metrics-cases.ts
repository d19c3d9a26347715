// Every loss and metric Strata exports, with the options that change their numerics, as data for
// losses-metrics.test.ts (Keras 3's keras.losses / keras.metrics of the same name are the oracle).
import { argMax, cast, floor, mul, oneHot, randomUniform, softmax, sub, tidy, type Tensor } from '@strata/tensor';

/** What the values of a y tensor are: they must fit the loss (probabilities, labels, ...). */
export type DataKind =
  | 'real'
  | 'positive'
  | 'prob'
  | 'binary'
  | 'logits'
  | 'onehot'
  | 'softmax'
  | 'labels'
  | 'labelsCol'
  | 'sign'
  | 'values';

export const BATCH = 4;
export const CLASSES = 3;

/** Seeded data of a kind: [BATCH, CLASSES] unless the kind is per sample. */
export function dataOf(kind: DataKind, seed: number): Tensor {
  const shape = [BATCH, CLASSES];
  const u = (lo: number, hi: number, s = shape) => randomUniform(s, { minval: lo, maxval: hi, seed });
  return tidy(() => {
    switch (kind) {
      case 'real':
        return u(-1, 1);
      case 'positive':
        return u(0.1, 2);
      case 'prob':
        return u(0.02, 0.98);
      case 'binary':
        return floor(u(0, 2));
      case 'logits':
        return u(-3, 3);
      case 'onehot':
        return oneHot(argMax(u(0, 1), -1), CLASSES);
      case 'softmax':
        return softmax(u(-2, 2), -1);
      case 'labels':
        return cast(floor(u(0, CLASSES, [BATCH])), 'int32');
      case 'labelsCol':
        return floor(u(0, CLASSES, [BATCH, 1]));
      case 'sign':
        return sub(mul(floor(u(0, 2)), 2), 1);
      case 'values':
        return u(-2, 2, [BATCH]);
    }
  });
}

export interface LossCase {
  name: string;
  /** The class name in @strata/training's losses and in keras.losses. */
  cls: string;
  options?: Record<string, unknown>;
  yTrue: DataKind;
  yPred: DataKind;
  sampleWeight?: boolean;
}

const reductions = ['sum', 'none', 'mean', 'mean_with_sample_weight'].map(
  (reduction): LossCase => ({
    name: `MeanSquaredError_${reduction}_weighted`,
    cls: 'MeanSquaredError',
    options: { reduction },
    yTrue: 'real',
    yPred: 'real',
    sampleWeight: true,
  }),
);

export const LOSS_CASES: LossCase[] = [
  { name: 'MeanSquaredError', cls: 'MeanSquaredError', yTrue: 'real', yPred: 'real' },
  ...reductions,
  { name: 'MeanAbsoluteError', cls: 'MeanAbsoluteError', yTrue: 'real', yPred: 'real', sampleWeight: true },
  { name: 'MeanAbsolutePercentageError', cls: 'MeanAbsolutePercentageError', yTrue: 'positive', yPred: 'real' },
  { name: 'MeanSquaredLogarithmicError', cls: 'MeanSquaredLogarithmicError', yTrue: 'positive', yPred: 'positive' },
  { name: 'Huber', cls: 'Huber', yTrue: 'real', yPred: 'logits', sampleWeight: true },
  { name: 'Huber_delta', cls: 'Huber', options: { delta: 0.5 }, yTrue: 'real', yPred: 'real' },
  { name: 'LogCosh', cls: 'LogCosh', yTrue: 'real', yPred: 'logits' },
  { name: 'CosineSimilarity', cls: 'CosineSimilarity', yTrue: 'real', yPred: 'real', sampleWeight: true },
  { name: 'CosineSimilarity_axis0', cls: 'CosineSimilarity', options: { axis: 0 }, yTrue: 'real', yPred: 'real' },
  { name: 'BinaryCrossentropy', cls: 'BinaryCrossentropy', yTrue: 'binary', yPred: 'prob', sampleWeight: true },
  {
    name: 'BinaryCrossentropy_logits',
    cls: 'BinaryCrossentropy',
    options: { fromLogits: true },
    yTrue: 'binary',
    yPred: 'logits',
  },
  {
    name: 'BinaryCrossentropy_smoothing',
    cls: 'BinaryCrossentropy',
    options: { labelSmoothing: 0.2 },
    yTrue: 'binary',
    yPred: 'prob',
  },
  {
    name: 'BinaryCrossentropy_logits_smoothing_sum',
    cls: 'BinaryCrossentropy',
    options: { fromLogits: true, labelSmoothing: 0.1, reduction: 'sum' },
    yTrue: 'binary',
    yPred: 'logits',
    sampleWeight: true,
  },
  { name: 'CategoricalCrossentropy', cls: 'CategoricalCrossentropy', yTrue: 'onehot', yPred: 'softmax' },
  {
    name: 'CategoricalCrossentropy_logits_smoothing',
    cls: 'CategoricalCrossentropy',
    options: { fromLogits: true, labelSmoothing: 0.3 },
    yTrue: 'onehot',
    yPred: 'logits',
    sampleWeight: true,
  },
  {
    name: 'CategoricalCrossentropy_soft_labels',
    cls: 'CategoricalCrossentropy',
    yTrue: 'softmax',
    yPred: 'softmax',
  },
  {
    name: 'SparseCategoricalCrossentropy',
    cls: 'SparseCategoricalCrossentropy',
    yTrue: 'labels',
    yPred: 'softmax',
    sampleWeight: true,
  },
  {
    name: 'SparseCategoricalCrossentropy_logits_column',
    cls: 'SparseCategoricalCrossentropy',
    options: { fromLogits: true },
    yTrue: 'labelsCol',
    yPred: 'logits',
  },
  ...['sum_over_batch_size', 'sum', 'none', 'mean_with_sample_weight'].map(
    (reduction): LossCase => ({
      name: `SparseCategoricalCrossentropy_ignore_class_${reduction}`,
      cls: 'SparseCategoricalCrossentropy',
      options: { fromLogits: true, ignoreClass: 1, reduction },
      yTrue: 'labels',
      yPred: 'logits',
      sampleWeight: reduction !== 'sum_over_batch_size',
    }),
  ),
  {
    name: 'SparseCategoricalCrossentropy_ignore_class_column_weighted',
    cls: 'SparseCategoricalCrossentropy',
    options: { ignoreClass: 0 },
    yTrue: 'labelsCol',
    yPred: 'softmax',
    sampleWeight: true,
  },
  { name: 'KLDivergence', cls: 'KLDivergence', yTrue: 'softmax', yPred: 'softmax', sampleWeight: true },
  { name: 'Poisson', cls: 'Poisson', yTrue: 'positive', yPred: 'positive' },
  { name: 'Hinge', cls: 'Hinge', yTrue: 'sign', yPred: 'real', sampleWeight: true },
  { name: 'Hinge_binary_labels', cls: 'Hinge', yTrue: 'binary', yPred: 'real' },
  { name: 'SquaredHinge', cls: 'SquaredHinge', yTrue: 'binary', yPred: 'real' },
  { name: 'CategoricalHinge', cls: 'CategoricalHinge', yTrue: 'onehot', yPred: 'real', sampleWeight: true },
];

/** The per-sample loss functions @strata/training exports, by their Keras 3 function names. */
export const LOSS_FUNCTION_CASES: { fn: string; keras: string; yTrue: DataKind; yPred: DataKind }[] = [
  { fn: 'meanSquaredError', keras: 'mean_squared_error', yTrue: 'real', yPred: 'real' },
  { fn: 'meanAbsoluteError', keras: 'mean_absolute_error', yTrue: 'real', yPred: 'real' },
  { fn: 'meanAbsolutePercentageError', keras: 'mean_absolute_percentage_error', yTrue: 'positive', yPred: 'real' },
  { fn: 'meanSquaredLogarithmicError', keras: 'mean_squared_logarithmic_error', yTrue: 'positive', yPred: 'positive' },
  { fn: 'huber', keras: 'huber', yTrue: 'real', yPred: 'logits' },
  { fn: 'logCosh', keras: 'log_cosh', yTrue: 'real', yPred: 'logits' },
  { fn: 'cosineSimilarity', keras: 'cosine_similarity', yTrue: 'real', yPred: 'real' },
  { fn: 'binaryCrossentropy', keras: 'binary_crossentropy', yTrue: 'binary', yPred: 'prob' },
  { fn: 'categoricalCrossentropy', keras: 'categorical_crossentropy', yTrue: 'onehot', yPred: 'softmax' },
  { fn: 'sparseCategoricalCrossentropy', keras: 'sparse_categorical_crossentropy', yTrue: 'labels', yPred: 'softmax' },
  { fn: 'kullbackLeiblerDivergence', keras: 'kl_divergence', yTrue: 'softmax', yPred: 'softmax' },
  { fn: 'poisson', keras: 'poisson', yTrue: 'positive', yPred: 'positive' },
  { fn: 'hinge', keras: 'hinge', yTrue: 'sign', yPred: 'real' },
  { fn: 'squaredHinge', keras: 'squared_hinge', yTrue: 'binary', yPred: 'real' },
  { fn: 'categoricalHinge', keras: 'categorical_hinge', yTrue: 'onehot', yPred: 'real' },
];

export interface MetricCase {
  name: string;
  /** The class name in @strata/training's metrics and in keras.metrics. */
  cls: string;
  options?: Record<string, unknown>;
  /** Mean and Sum take yTrue as their values. */
  yTrue: DataKind;
  yPred: DataKind;
  sampleWeight?: boolean;
}

const m = (
  name: string,
  cls: string,
  yTrue: DataKind,
  yPred: DataKind,
  options?: Record<string, unknown>,
  sampleWeight = true,
): MetricCase => ({ name, cls, yTrue, yPred, options, sampleWeight });

export const METRIC_CASES: MetricCase[] = [
  m('Mean', 'Mean', 'values', 'values'),
  m('Sum', 'Sum', 'values', 'values'),
  m('Accuracy', 'Accuracy', 'binary', 'binary'),
  m('BinaryAccuracy', 'BinaryAccuracy', 'binary', 'prob'),
  m('BinaryAccuracy_threshold', 'BinaryAccuracy', 'binary', 'prob', { threshold: 0.7 }, false),
  m('CategoricalAccuracy', 'CategoricalAccuracy', 'onehot', 'softmax'),
  m('SparseCategoricalAccuracy', 'SparseCategoricalAccuracy', 'labels', 'softmax'),
  m('SparseCategoricalAccuracy_column', 'SparseCategoricalAccuracy', 'labelsCol', 'softmax', {}, false),
  m('TopKCategoricalAccuracy', 'TopKCategoricalAccuracy', 'onehot', 'softmax', { k: 2 }),
  m('SparseTopKCategoricalAccuracy', 'SparseTopKCategoricalAccuracy', 'labels', 'softmax', { k: 2 }),
  m('MeanSquaredError', 'MeanSquaredError', 'real', 'real'),
  m('MeanAbsoluteError', 'MeanAbsoluteError', 'real', 'real'),
  m('RootMeanSquaredError', 'RootMeanSquaredError', 'real', 'real'),
  m('Precision', 'Precision', 'binary', 'prob'),
  m('Precision_thresholds', 'Precision', 'binary', 'prob', { thresholds: [0.3, 0.6] }, false),
  m('Precision_top_k', 'Precision', 'binary', 'prob', { topK: 1 }),
  m('Recall', 'Recall', 'binary', 'prob'),
  m('Recall_class_id', 'Recall', 'binary', 'prob', { classId: 1 }),
  m('AUC', 'AUC', 'binary', 'prob'),
  m('AUC_PR', 'AUC', 'binary', 'prob', { curve: 'PR' }),
  m('AUC_minoring_logits', 'AUC', 'binary', 'logits', {
    summationMethod: 'minoring',
    numThresholds: 50,
    fromLogits: true,
  }),
  m('AUC_majoring', 'AUC', 'binary', 'prob', { summationMethod: 'majoring' }, false),
  m('AUC_thresholds', 'AUC', 'binary', 'prob', { thresholds: [0.25, 0.5, 0.75] }, false),
  m('F1Score', 'F1Score', 'onehot', 'softmax', {}, false),
  m('F1Score_micro', 'F1Score', 'binary', 'prob', { average: 'micro', threshold: 0.5 }),
  m('F1Score_macro', 'F1Score', 'onehot', 'softmax', { average: 'macro' }),
  m('F1Score_weighted', 'F1Score', 'binary', 'prob', { average: 'weighted', threshold: 0.4 }),
  m('FBetaScore', 'FBetaScore', 'binary', 'prob', { beta: 2.5, threshold: 0.5 }),
];
