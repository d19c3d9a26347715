// @strata/training: the public API, by name. Losses are also the `losses` namespace and metrics only the
// `metrics` namespace (their class names overlap, as in Keras: losses.MeanSquaredError and
// metrics.MeanSquaredError). The class tables and the helpers sibling packages share are in
// '@strata/training/internal'.

// Errors
export { TrainingError } from './errors';

// The Trainer: compile/fit/evaluate/predict and the step methods, which Model extends (users reach it through Model)
export { Trainer } from './trainer/trainer';

// What compile/fit/evaluate/predict take, and what a custom trainStep works with
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

// Optimizers and gradient clipping
export {
  getOptimizer,
  Optimizer,
  SGD,
  Adam,
  AdamW,
  Adamax,
  Nadam,
  RMSprop,
  Adagrad,
  Adadelta,
  Lion,
  type OptimizerArgs,
  type LearningRate,
  type GradientAndVariable,
  type SGDArgs,
  type AdamArgs,
  type AdamaxArgs,
  type NadamArgs,
  type RMSpropArgs,
  type AdagradArgs,
  type AdadeltaArgs,
  type LionArgs,
  clipByNorm,
  clipByGlobalNorm,
  globalNorm,
} from './optimizers';

// Learning-rate schedules
export {
  LearningRateSchedule,
  ExponentialDecay,
  PiecewiseConstantDecay,
  PolynomialDecay,
  InverseTimeDecay,
  CosineDecay,
  CosineDecayRestarts,
  type ExponentialDecayArgs,
  type PiecewiseConstantDecayArgs,
  type PolynomialDecayArgs,
  type InverseTimeDecayArgs,
  type CosineDecayArgs,
  type CosineDecayRestartsArgs,
} from './schedules';

// Losses
export {
  getLoss,
  Loss,
  LossFunctionWrapper,
  type Reduction,
  type LossArgs,
  type LossFunction,
  meanSquaredError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredLogarithmicError,
  huber,
  logCosh,
  cosineSimilarity,
  MeanSquaredError,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredLogarithmicError,
  Huber,
  LogCosh,
  CosineSimilarity,
  binaryCrossentropy,
  categoricalCrossentropy,
  sparseCategoricalCrossentropy,
  kullbackLeiblerDivergence,
  poisson,
  BinaryCrossentropy,
  CategoricalCrossentropy,
  SparseCategoricalCrossentropy,
  KLDivergence,
  Poisson,
  type CrossentropyOptions,
  type SparseCrossentropyOptions,
  hinge,
  squaredHinge,
  categoricalHinge,
  Hinge,
  SquaredHinge,
  CategoricalHinge,
  type LossIdentifier,
} from './losses';

// Losses and metrics as namespaces
import { losses } from './losses/namespace';
export { losses };
import { metrics } from './metrics/namespace';
export { metrics };

// Metrics (the classes are in the `metrics` namespace)
export { Metric, type MetricArgs } from './metrics/metric';
export { getMetric, type MetricIdentifier } from './metrics';

// Callbacks
export {
  Callback,
  type Logs,
  type BatchLogs,
  type CallbackParams,
  type TrainingContext,
  CallbackList,
  logTensors,
  History,
  type FitHistory,
  ProgressBar,
  type ProgressBarArgs,
  type ProgressStream,
  EarlyStopping,
  type EarlyStoppingArgs,
  ModelCheckpoint,
  type ModelCheckpointArgs,
  ReduceLROnPlateau,
  type ReduceLROnPlateauArgs,
  LearningRateScheduler,
  CSVLogger,
  TerminateOnNaN,
  BackupAndRestore,
  type BackupAndRestoreArgs,
  LambdaCallback,
  type LambdaCallbackArgs,
  TensorBoard,
  type TensorBoardArgs,
} from './callbacks';
export { EventFileWriter, MemoryLogSink, NodeLogSink, type LogSink } from './callbacks/tensorboard/event-file-writer';

// Datasets
export { Dataset, type ShuffleOptions } from './data/dataset';
