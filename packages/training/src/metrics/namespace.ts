// The `metrics` namespace, as keras.metrics: the metric classes and functions and `get`, without the
// registry and the counting helpers the metrics share.
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone); the module-level
// aliases keep its inlined names from being shadowed by the members.
import * as I from './index';

const Metric_ = I.Metric;
type Metric_ = I.Metric;
const Mean_ = I.Mean;
type Mean_ = I.Mean;
const Sum_ = I.Sum;
type Sum_ = I.Sum;
const MeanMetricWrapper_ = I.MeanMetricWrapper;
type MeanMetricWrapper_ = I.MeanMetricWrapper;
const accuracy_ = I.accuracy;
const binaryAccuracy_ = I.binaryAccuracy;
const categoricalAccuracy_ = I.categoricalAccuracy;
const sparseCategoricalAccuracy_ = I.sparseCategoricalAccuracy;
const topKCategoricalAccuracy_ = I.topKCategoricalAccuracy;
const sparseTopKCategoricalAccuracy_ = I.sparseTopKCategoricalAccuracy;
const Accuracy_ = I.Accuracy;
type Accuracy_ = I.Accuracy;
const BinaryAccuracy_ = I.BinaryAccuracy;
type BinaryAccuracy_ = I.BinaryAccuracy;
const CategoricalAccuracy_ = I.CategoricalAccuracy;
type CategoricalAccuracy_ = I.CategoricalAccuracy;
const SparseCategoricalAccuracy_ = I.SparseCategoricalAccuracy;
type SparseCategoricalAccuracy_ = I.SparseCategoricalAccuracy;
const TopKCategoricalAccuracy_ = I.TopKCategoricalAccuracy;
type TopKCategoricalAccuracy_ = I.TopKCategoricalAccuracy;
const SparseTopKCategoricalAccuracy_ = I.SparseTopKCategoricalAccuracy;
type SparseTopKCategoricalAccuracy_ = I.SparseTopKCategoricalAccuracy;
const MeanSquaredError_ = I.MeanSquaredError;
type MeanSquaredError_ = I.MeanSquaredError;
const MeanAbsoluteError_ = I.MeanAbsoluteError;
type MeanAbsoluteError_ = I.MeanAbsoluteError;
const RootMeanSquaredError_ = I.RootMeanSquaredError;
type RootMeanSquaredError_ = I.RootMeanSquaredError;
const Precision_ = I.Precision;
type Precision_ = I.Precision;
const Recall_ = I.Recall;
type Recall_ = I.Recall;
const AUC_ = I.AUC;
type AUC_ = I.AUC;
const F1Score_ = I.F1Score;
type F1Score_ = I.F1Score;
const FBetaScore_ = I.FBetaScore;
type FBetaScore_ = I.FBetaScore;
const get_ = I.getMetric;
type MetricArgs_ = I.MetricArgs;
type PrecisionRecallArgs_ = I.PrecisionRecallArgs;
type ConfusionOptions_ = I.ConfusionOptions;
type AUCArgs_ = I.AUCArgs;
type FBetaArgs_ = I.FBetaArgs;
type MetricIdentifier_ = I.MetricIdentifier;

export namespace metrics {
  /**
   * The base of every metric: state accumulates on the device across `updateState` calls (no value
   * is read back), `result()` computes the metric from it, `resetState()` starts over. The state
   * variables are created on the first update and freed by `resetState()`, so a metric holds device
   * memory only while it accumulates.
   *
   * @example
   * ```ts
   * const m = new metrics.SparseCategoricalAccuracy();
   * m.updateState(tensor([2, 1]), tensor([[0.1, 0.6, 0.3], [0.05, 0.95, 0]]));
   * m.result(); // 0.5 (a tensor the caller owns)
   * m.resetState();
   * ```
   */
  export const Metric: typeof Metric_ = Metric_;
  /** The instance type of `Metric`. */
  export type Metric = Metric_;
  /**
   * The weighted mean of the values it is given (Keras's `Mean`).
   *
   * @example
   * ```ts
   * const m = new metrics.Mean();
   * m.updateState(tensor([1, 3, 5, 7]));
   * m.result(); // 4
   * ```
   */
  export const Mean: typeof Mean_ = Mean_;
  /** The instance type of `Mean`. */
  export type Mean = Mean_;
  /**
   * The weighted sum of the values it is given (Keras's `Sum`).
   *
   * @example
   * ```ts
   * const m = new metrics.Sum();
   * m.updateState(tensor([1, 3, 5, 7]));
   * m.result(); // 16
   * ```
   */
  export const Sum: typeof Sum_ = Sum_;
  /** The instance type of `Sum`. */
  export type Sum = Sum_;
  /**
   * A Mean over a per-sample function of (yTrue, yPred): how losses and accuracies become metrics.
   *
   * @example
   * ```ts
   * const m = new metrics.MeanMetricWrapper((yTrue, yPred) => abs(sub(yPred, yTrue)), { name: 'abs_error' });
   * ```
   */
  export const MeanMetricWrapper: typeof MeanMetricWrapper_ = MeanMetricWrapper_;
  /** The instance type of `MeanMetricWrapper`. */
  export type MeanMetricWrapper = MeanMetricWrapper_;
  /**
   * 1 where yTrue equals yPred exactly, else 0 (for labels and predictions already on one scale).
   *
   * @example
   * ```ts
   * metrics.accuracy(tensor([1, 2, 3, 4]), tensor([0, 2, 3, 4])); // [0, 1, 1, 1]
   * ```
   */
  export const accuracy: typeof accuracy_ = accuracy_;
  /**
   * 1 where `yPred > threshold` agrees with the binary label, per element.
   *
   * @example
   * ```ts
   * binaryAccuracy(tensor([[1], [0]]), tensor([[0.7], [0.6]])); // [[1], [0]]
   * ```
   */
  export const binaryAccuracy: typeof binaryAccuracy_ = binaryAccuracy_;
  /**
   * 1 where the largest prediction is at the one-hot label's class, per sample.
   *
   * @example
   * ```ts
   * categoricalAccuracy(tensor([[0, 0, 1], [0, 1, 0]]), tensor([[0.1, 0.9, 0.8], [0.05, 0.95, 0]])); // [0, 1]
   * ```
   */
  export const categoricalAccuracy: typeof categoricalAccuracy_ = categoricalAccuracy_;
  /**
   * 1 where the largest prediction is at the integer label, per sample.
   *
   * @example
   * ```ts
   * sparseCategoricalAccuracy(tensor([2, 1]), tensor([[0.1, 0.6, 0.3], [0.05, 0.95, 0]])); // [0, 1]
   * ```
   */
  export const sparseCategoricalAccuracy: typeof sparseCategoricalAccuracy_ = sparseCategoricalAccuracy_;
  /**
   * 1 where the one-hot label's class is among the k top predictions.
   *
   * @example
   * ```ts
   * metrics.topKCategoricalAccuracy(tensor([[0, 0, 1], [0, 1, 0]]), tensor([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]), 2);
   * // [1, 1]
   * ```
   */
  export const topKCategoricalAccuracy: typeof topKCategoricalAccuracy_ = topKCategoricalAccuracy_;
  /**
   * 1 where the integer label is among the k top predictions.
   *
   * @example
   * ```ts
   * metrics.sparseTopKCategoricalAccuracy(tensor([2, 1]), tensor([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]), 2); // [1, 1]
   * ```
   */
  export const sparseTopKCategoricalAccuracy: typeof sparseTopKCategoricalAccuracy_ = sparseTopKCategoricalAccuracy_;
  /**
   * How often predictions equal labels exactly.
   *
   * @example
   * ```ts
   * const m = new metrics.Accuracy();
   * m.updateState(tensor([[1], [2], [3], [4]]), tensor([[0], [2], [3], [4]]));
   * m.result(); // 0.75
   * ```
   */
  export const Accuracy: typeof Accuracy_ = Accuracy_;
  /** The instance type of `Accuracy`. */
  export type Accuracy = Accuracy_;
  /**
   * How often `yPred > threshold` matches binary labels.
   *
   * @example
   * ```ts
   * const m = new metrics.BinaryAccuracy({ threshold: 0.5 });
   * m.updateState(tensor([[1], [1], [0], [0]]), tensor([[0.98], [1], [0], [0.6]]));
   * m.result(); // 0.75
   * ```
   */
  export const BinaryAccuracy: typeof BinaryAccuracy_ = BinaryAccuracy_;
  /** The instance type of `BinaryAccuracy`. */
  export type BinaryAccuracy = BinaryAccuracy_;
  /**
   * How often the top prediction is the one-hot label's class.
   *
   * @example
   * ```ts
   * const m = new metrics.CategoricalAccuracy();
   * m.updateState(tensor([[0, 0, 1], [0, 1, 0]]), tensor([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]));
   * m.result(); // 0.5
   * ```
   */
  export const CategoricalAccuracy: typeof CategoricalAccuracy_ = CategoricalAccuracy_;
  /** The instance type of `CategoricalAccuracy`. */
  export type CategoricalAccuracy = CategoricalAccuracy_;
  /**
   * How often the top prediction is the integer label.
   *
   * @example
   * ```ts
   * const m = new metrics.SparseCategoricalAccuracy();
   * m.updateState(tensor([[2], [1]]), tensor([[0.1, 0.6, 0.3], [0.05, 0.95, 0]]));
   * m.result(); // 0.5
   * model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] }); // picks it
   * ```
   */
  export const SparseCategoricalAccuracy: typeof SparseCategoricalAccuracy_ = SparseCategoricalAccuracy_;
  /** The instance type of `SparseCategoricalAccuracy`. */
  export type SparseCategoricalAccuracy = SparseCategoricalAccuracy_;
  /**
   * How often the one-hot label's class is among the top k predictions (k = 5 by default).
   *
   * @example
   * ```ts
   * const m = new metrics.TopKCategoricalAccuracy({ k: 1 });
   * m.updateState(tensor([[0, 0, 1], [0, 1, 0]]), tensor([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]));
   * m.result(); // 0.5
   * ```
   */
  export const TopKCategoricalAccuracy: typeof TopKCategoricalAccuracy_ = TopKCategoricalAccuracy_;
  /** The instance type of `TopKCategoricalAccuracy`. */
  export type TopKCategoricalAccuracy = TopKCategoricalAccuracy_;
  /**
   * How often the integer label is among the top k predictions (k = 5 by default).
   *
   * @example
   * ```ts
   * const m = new metrics.SparseTopKCategoricalAccuracy({ k: 1 });
   * m.updateState(tensor([2, 1]), tensor([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]));
   * m.result(); // 0.5
   * ```
   */
  export const SparseTopKCategoricalAccuracy: typeof SparseTopKCategoricalAccuracy_ = SparseTopKCategoricalAccuracy_;
  /** The instance type of `SparseTopKCategoricalAccuracy`. */
  export type SparseTopKCategoricalAccuracy = SparseTopKCategoricalAccuracy_;
  /**
   * The mean of the squared errors.
   *
   * @example
   * ```ts
   * const m = new metrics.MeanSquaredError();
   * m.updateState(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [0, 0]]));
   * m.result(); // 0.25
   * ```
   */
  export const MeanSquaredError: typeof MeanSquaredError_ = MeanSquaredError_;
  /** The instance type of `MeanSquaredError`. */
  export type MeanSquaredError = MeanSquaredError_;
  /**
   * The mean of the absolute errors.
   *
   * @example
   * ```ts
   * const m = new metrics.MeanAbsoluteError();
   * m.updateState(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [0, 0]]));
   * m.result(); // 0.25
   * ```
   */
  export const MeanAbsoluteError: typeof MeanAbsoluteError_ = MeanAbsoluteError_;
  /** The instance type of `MeanAbsoluteError`. */
  export type MeanAbsoluteError = MeanAbsoluteError_;
  /**
   * √(mean squared error) over everything seen (not the mean of per-batch roots).
   *
   * @example
   * ```ts
   * const m = new metrics.RootMeanSquaredError();
   * m.updateState(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [0, 0]]));
   * m.result(); // 0.5
   * ```
   */
  export const RootMeanSquaredError: typeof RootMeanSquaredError_ = RootMeanSquaredError_;
  /** The instance type of `RootMeanSquaredError`. */
  export type RootMeanSquaredError = RootMeanSquaredError_;
  /**
   * tp / (tp + fp): of the predicted positives, the fraction that are positive.
   *
   * @example
   * ```ts
   * const m = new metrics.Precision();
   * m.updateState(tensor([0, 1, 1, 1]), tensor([1, 0, 1, 1]));
   * m.result(); // 0.667
   * ```
   */
  export const Precision: typeof Precision_ = Precision_;
  /** The instance type of `Precision`. */
  export type Precision = Precision_;
  /**
   * tp / (tp + fn): of the positives, the fraction predicted positive.
   *
   * @example
   * ```ts
   * const m = new metrics.Recall();
   * m.updateState(tensor([0, 1, 1, 1]), tensor([1, 0, 1, 1]));
   * m.result(); // 0.667
   * ```
   */
  export const Recall: typeof Recall_ = Recall_;
  /** The instance type of `Recall`. */
  export type Recall = Recall_;
  /**
   * The area under the ROC or PR curve, from true/false positive/negative counts accumulated at fixed
   * thresholds (Keras's AUC, labels and predictions flattened, as multiLabel=false).
   *
   * @example
   * ```ts
   * const m = new metrics.AUC({ numThresholds: 3 });
   * m.updateState(tensor([0, 0, 1, 1]), tensor([0, 0.5, 0.3, 0.9]));
   * m.result(); // 0.75
   * ```
   */
  export const AUC: typeof AUC_ = AUC_;
  /** The instance type of `AUC`. */
  export type AUC = AUC_;
  /**
   * The F1 score (harmonic mean of precision and recall), per class or averaged.
   *
   * @example
   * ```ts
   * const f1 = new metrics.F1Score({ average: 'macro' });
   * model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: [f1] });
   * ```
   */
  export const F1Score: typeof F1Score_ = F1Score_;
  /** The instance type of `F1Score`. */
  export type F1Score = F1Score_;
  /**
   * The F-beta score of one-hot (or multi-label) predictions, per class or averaged (Keras's FBetaScore).
   *
   * @example
   * ```ts
   * const m = new metrics.FBetaScore({ beta: 2, average: 'macro', threshold: 0.5 });
   * model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: [m] });
   * ```
   */
  export const FBetaScore: typeof FBetaScore_ = FBetaScore_;
  /** The instance type of `FBetaScore`. */
  export type FBetaScore = FBetaScore_;
  /**
   * A metric from its name, config or instance, as `keras.metrics.get`.
   * @example
   * ```ts
   * metrics.get('accuracy');
   * ```
   */
  export const get: typeof get_ = get_;
  /** The options every metric takes. */
  export type MetricArgs = MetricArgs_;
  /** The options of `Precision` and `Recall` (thresholds, topK, classId). */
  export type PrecisionRecallArgs = PrecisionRecallArgs_;
  /** Which predictions count, for Precision and Recall. */
  export type ConfusionOptions = ConfusionOptions_;
  /** The options of `AUC` (curve, thresholds, summation method). */
  export type AUCArgs = AUCArgs_;
  /** The options of `FBetaScore` and `F1Score` (average, beta, threshold). */
  export type FBetaArgs = FBetaArgs_;
  /** What compile() and getMetric() accept as a metric. */
  export type MetricIdentifier = MetricIdentifier_;
}
