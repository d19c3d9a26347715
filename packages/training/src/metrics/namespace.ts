// The `metrics` namespace, as keras.metrics: the metric classes and functions and `get`, without the
// registry and the counting helpers the metrics share.
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone); the module-level
// aliases keep its inlined names from being shadowed by the members. Members carry no doc comment: the
// TypeDoc plugin tools/docs/namespace-aliases.mjs gives each the comment of the declaration it names.
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
  export const Metric: typeof Metric_ = Metric_;
  export type Metric = Metric_;
  export const Mean: typeof Mean_ = Mean_;
  export type Mean = Mean_;
  export const Sum: typeof Sum_ = Sum_;
  export type Sum = Sum_;
  export const MeanMetricWrapper: typeof MeanMetricWrapper_ = MeanMetricWrapper_;
  export type MeanMetricWrapper = MeanMetricWrapper_;
  export const accuracy: typeof accuracy_ = accuracy_;
  export const binaryAccuracy: typeof binaryAccuracy_ = binaryAccuracy_;
  export const categoricalAccuracy: typeof categoricalAccuracy_ = categoricalAccuracy_;
  export const sparseCategoricalAccuracy: typeof sparseCategoricalAccuracy_ = sparseCategoricalAccuracy_;
  export const topKCategoricalAccuracy: typeof topKCategoricalAccuracy_ = topKCategoricalAccuracy_;
  export const sparseTopKCategoricalAccuracy: typeof sparseTopKCategoricalAccuracy_ = sparseTopKCategoricalAccuracy_;
  export const Accuracy: typeof Accuracy_ = Accuracy_;
  export type Accuracy = Accuracy_;
  export const BinaryAccuracy: typeof BinaryAccuracy_ = BinaryAccuracy_;
  export type BinaryAccuracy = BinaryAccuracy_;
  export const CategoricalAccuracy: typeof CategoricalAccuracy_ = CategoricalAccuracy_;
  export type CategoricalAccuracy = CategoricalAccuracy_;
  export const SparseCategoricalAccuracy: typeof SparseCategoricalAccuracy_ = SparseCategoricalAccuracy_;
  export type SparseCategoricalAccuracy = SparseCategoricalAccuracy_;
  export const TopKCategoricalAccuracy: typeof TopKCategoricalAccuracy_ = TopKCategoricalAccuracy_;
  export type TopKCategoricalAccuracy = TopKCategoricalAccuracy_;
  export const SparseTopKCategoricalAccuracy: typeof SparseTopKCategoricalAccuracy_ = SparseTopKCategoricalAccuracy_;
  export type SparseTopKCategoricalAccuracy = SparseTopKCategoricalAccuracy_;
  export const MeanSquaredError: typeof MeanSquaredError_ = MeanSquaredError_;
  export type MeanSquaredError = MeanSquaredError_;
  export const MeanAbsoluteError: typeof MeanAbsoluteError_ = MeanAbsoluteError_;
  export type MeanAbsoluteError = MeanAbsoluteError_;
  export const RootMeanSquaredError: typeof RootMeanSquaredError_ = RootMeanSquaredError_;
  export type RootMeanSquaredError = RootMeanSquaredError_;
  export const Precision: typeof Precision_ = Precision_;
  export type Precision = Precision_;
  export const Recall: typeof Recall_ = Recall_;
  export type Recall = Recall_;
  export const AUC: typeof AUC_ = AUC_;
  export type AUC = AUC_;
  export const F1Score: typeof F1Score_ = F1Score_;
  export type F1Score = F1Score_;
  export const FBetaScore: typeof FBetaScore_ = FBetaScore_;
  export type FBetaScore = FBetaScore_;
  export const get: typeof get_ = get_;
  export type MetricArgs = MetricArgs_;
  export type PrecisionRecallArgs = PrecisionRecallArgs_;
  export type ConfusionOptions = ConfusionOptions_;
  export type AUCArgs = AUCArgs_;
  export type FBetaArgs = FBetaArgs_;
  export type MetricIdentifier = MetricIdentifier_;
}
