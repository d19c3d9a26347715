// The `metrics` namespace, as keras.metrics: the metric classes and functions and `get`, without the
// registry and the counting helpers the metrics share.
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import {
  Metric as Metric_,
  Mean as Mean_,
  Sum as Sum_,
  MeanMetricWrapper as MeanMetricWrapper_,
  accuracy as accuracy_,
  binaryAccuracy as binaryAccuracy_,
  categoricalAccuracy as categoricalAccuracy_,
  sparseCategoricalAccuracy as sparseCategoricalAccuracy_,
  topKCategoricalAccuracy as topKCategoricalAccuracy_,
  sparseTopKCategoricalAccuracy as sparseTopKCategoricalAccuracy_,
  Accuracy as Accuracy_,
  BinaryAccuracy as BinaryAccuracy_,
  CategoricalAccuracy as CategoricalAccuracy_,
  SparseCategoricalAccuracy as SparseCategoricalAccuracy_,
  TopKCategoricalAccuracy as TopKCategoricalAccuracy_,
  SparseTopKCategoricalAccuracy as SparseTopKCategoricalAccuracy_,
  MeanSquaredError as MeanSquaredError_,
  MeanAbsoluteError as MeanAbsoluteError_,
  RootMeanSquaredError as RootMeanSquaredError_,
  Precision as Precision_,
  Recall as Recall_,
  AUC as AUC_,
  F1Score as F1Score_,
  FBetaScore as FBetaScore_,
  getMetric as get_,
} from './index';
import type {
  MetricArgs as MetricArgs_,
  PrecisionRecallArgs as PrecisionRecallArgs_,
  ConfusionOptions as ConfusionOptions_,
  AUCArgs as AUCArgs_,
  FBetaArgs as FBetaArgs_,
  MetricIdentifier as MetricIdentifier_,
} from './index';

export namespace metrics {
  export const Metric = Metric_;
  export type Metric = Metric_;
  export const Mean = Mean_;
  export type Mean = Mean_;
  export const Sum = Sum_;
  export type Sum = Sum_;
  export const MeanMetricWrapper = MeanMetricWrapper_;
  export type MeanMetricWrapper = MeanMetricWrapper_;
  export const accuracy = accuracy_;
  export const binaryAccuracy = binaryAccuracy_;
  export const categoricalAccuracy = categoricalAccuracy_;
  export const sparseCategoricalAccuracy = sparseCategoricalAccuracy_;
  export const topKCategoricalAccuracy = topKCategoricalAccuracy_;
  export const sparseTopKCategoricalAccuracy = sparseTopKCategoricalAccuracy_;
  export const Accuracy = Accuracy_;
  export type Accuracy = Accuracy_;
  export const BinaryAccuracy = BinaryAccuracy_;
  export type BinaryAccuracy = BinaryAccuracy_;
  export const CategoricalAccuracy = CategoricalAccuracy_;
  export type CategoricalAccuracy = CategoricalAccuracy_;
  export const SparseCategoricalAccuracy = SparseCategoricalAccuracy_;
  export type SparseCategoricalAccuracy = SparseCategoricalAccuracy_;
  export const TopKCategoricalAccuracy = TopKCategoricalAccuracy_;
  export type TopKCategoricalAccuracy = TopKCategoricalAccuracy_;
  export const SparseTopKCategoricalAccuracy = SparseTopKCategoricalAccuracy_;
  export type SparseTopKCategoricalAccuracy = SparseTopKCategoricalAccuracy_;
  export const MeanSquaredError = MeanSquaredError_;
  export type MeanSquaredError = MeanSquaredError_;
  export const MeanAbsoluteError = MeanAbsoluteError_;
  export type MeanAbsoluteError = MeanAbsoluteError_;
  export const RootMeanSquaredError = RootMeanSquaredError_;
  export type RootMeanSquaredError = RootMeanSquaredError_;
  export const Precision = Precision_;
  export type Precision = Precision_;
  export const Recall = Recall_;
  export type Recall = Recall_;
  export const AUC = AUC_;
  export type AUC = AUC_;
  export const F1Score = F1Score_;
  export type F1Score = F1Score_;
  export const FBetaScore = FBetaScore_;
  export type FBetaScore = FBetaScore_;
  export const get = get_;
  export type MetricArgs = MetricArgs_;
  export type PrecisionRecallArgs = PrecisionRecallArgs_;
  export type ConfusionOptions = ConfusionOptions_;
  export type AUCArgs = AUCArgs_;
  export type FBetaArgs = FBetaArgs_;
  export type MetricIdentifier = MetricIdentifier_;
}
