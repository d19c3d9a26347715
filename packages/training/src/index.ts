// @strata/training: the whole public API, as named exports. Losses are also the `losses` namespace
// and metrics only the `metrics` namespace (their class names overlap, as in Keras:
// losses.MeanSquaredError and metrics.MeanSquaredError).
export { TrainingError } from './errors';
export * from './schedules';
export * from './optimizers';
export * from './losses';
export * as losses from './losses';
export * as metrics from './metrics';
export { Metric, getMetric, metricClasses, type MetricIdentifier, type MetricArgs } from './metrics';
export * from './callbacks';
export { Dataset, type ShuffleOptions } from './data/dataset';
export { Trainer } from './trainer/trainer';
export type {
  CompileConfig,
  FitOptions,
  EvaluateOptions,
  PredictOptions,
  BatchOptions,
  Verbosity,
} from './trainer/options';
export type { Trainable, ModelInputs, ModelOutputs, Targets, StepData, ComputeLossArgs } from './trainer/trainable';
export type { LossConfig, LossWeights } from './trainer/compile-loss';
export type { MetricsConfig } from './trainer/compile-metrics';
export type { DataInput } from './trainer/data-adapter';
export { saveWeights, loadWeights } from './utils/weights-io';
