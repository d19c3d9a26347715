// The options of compile, fit, evaluate, predict and the per-batch methods, and their checks.
import type { SerializedObject } from '@strata/layers';
import { TrainingError, describeValue } from '../errors';
import type { Optimizer } from '../optimizers/optimizer';
import type { Callback } from '../callbacks/callback';
import type { Dataset } from '../data/dataset';
import type { LossConfig, LossWeights } from './compile-loss';
import type { MetricsConfig } from './compile-metrics';
import type { DataInput } from './data-adapter';
import type { Targets } from './trainable';

/** compile()'s options (Keras's, in camelCase). */
export interface CompileConfig {
  /** An Optimizer, or a name: 'adam', 'sgd', 'rmsprop', ... (default 'rmsprop', as Keras). */
  optimizer?: Optimizer | string | SerializedObject;
  /** A loss for every output, or per output (array by position, record by name). */
  loss?: LossConfig;
  /** Weights of the per-output losses in the total. */
  lossWeights?: LossWeights;
  /** Metrics, unweighted: names ('accuracy', 'mae', ...), Metric instances or functions; per output for several outputs. */
  metrics?: MetricsConfig;
  /** Metrics weighted by sampleWeight / classWeight. */
  weightedMetrics?: MetricsConfig;
}

/** How much fit, evaluate and predict print: 0 nothing, 1 a progress bar, 2 one line per epoch, `'auto'` 1. */
export type Verbosity = 0 | 1 | 2 | 'auto';

/** fit()'s options (Keras's, in camelCase). */
export interface FitOptions {
  /** Samples per batch for in-memory data (a Dataset batches itself). Default: 32. */
  batchSize?: number;
  /** The number of passes over the data. Default: 1. */
  epochs?: number;
  /** 0 silent, 1 progress bar, 2 one line per epoch; 'auto' is 1. */
  verbose?: Verbosity;
  /** Callbacks whose hooks run during training (a History is always added, and a ProgressBar when verbose). */
  callbacks?: readonly Callback[];
  /** The fraction of the samples (the last ones) held out for validation. */
  validationSplit?: number;
  /** `[x, y]`, `[x, y, sampleWeight]` or a Dataset, evaluated at the end of each epoch. */
  validationData?: readonly [DataInput, unknown?, unknown?] | Dataset<unknown>;
  /** Shuffle the samples before each epoch (in-memory data; default true). 'batch' shuffles whole batches. */
  shuffle?: boolean | 'batch';
  /** Seed of the shuffle, for repeatable runs. */
  seed?: number | string;
  /** Weights per class index, applied to each sample's loss by its label. */
  classWeight?: Record<number, number>;
  /** Per-sample loss weights, one per sample (per output for several outputs). */
  sampleWeight?: Targets;
  /** The epoch to start from (to resume a run: epochs counts from 0, not from here). Default: 0. */
  initialEpoch?: number;
  /** Batches per epoch (default: one pass over the data). */
  stepsPerEpoch?: number;
  /** Batches per validation (default: one pass over the validation data). */
  validationSteps?: number;
  /** Samples per validation batch. Default: `batchSize`. */
  validationBatchSize?: number;
  /** Validate every N epochs, or at the listed epochs (1-based). */
  validationFreq?: number | readonly number[];
}

/** The options of `evaluate`. */
export interface EvaluateOptions {
  /** Samples per batch for in-memory data. Default: 32. */
  batchSize?: number;
  /** 0 silent, 1 progress bar, 2 one line; `'auto'` is 1. Default: 0. */
  verbose?: Verbosity;
  /** Per-sample weights of the loss and weighted metrics. */
  sampleWeight?: Targets;
  /** Batches to evaluate (default: one pass over the data). */
  steps?: number;
  /** Callbacks whose test hooks run. */
  callbacks?: readonly Callback[];
}

/** The options of `predict`. */
export interface PredictOptions {
  /** Samples per batch (default 32). */
  batchSize?: number;
}

/** The options of `trainOnBatch` and `testOnBatch`. */
export interface BatchOptions {
  /** Per-sample loss weights for this batch. */
  sampleWeight?: Targets;
  /** Weights per class index, applied to each sample's loss by its label. */
  classWeight?: Record<number, number>;
  /** Start the metrics afresh for this batch (default true). */
  resetMetrics?: boolean;
}

export const COMPILE_OPTIONS = ['optimizer', 'loss', 'lossWeights', 'metrics', 'weightedMetrics'];

export const FIT_OPTIONS = [
  'batchSize',
  'epochs',
  'verbose',
  'callbacks',
  'validationSplit',
  'validationData',
  'shuffle',
  'seed',
  'classWeight',
  'sampleWeight',
  'initialEpoch',
  'stepsPerEpoch',
  'validationSteps',
  'validationBatchSize',
  'validationFreq',
];

export const EVALUATE_OPTIONS = ['batchSize', 'verbose', 'sampleWeight', 'steps', 'callbacks'];

export function checkOptions(owner: string, options: Record<string, unknown>, known: readonly string[]): void {
  if (typeof options !== 'object' || options === null)
    throw new TrainingError(`${owner}: options must be an object, received ${describeValue(options)}`);
  const unknown = Object.keys(options).filter((k) => !known.includes(k));
  if (unknown.length)
    throw new TrainingError(`${owner}: unknown option(s) ${unknown.join(', ')}; the options are ${known.join(', ')}`);
}

export function verbosity(v: Verbosity | undefined, fallback: 0 | 1 | 2): 0 | 1 | 2 {
  if (v === undefined) return fallback;
  if (v === 'auto') return 1;
  if (v !== 0 && v !== 1 && v !== 2)
    throw new TrainingError(`verbose must be 0, 1, 2 or 'auto', received ${JSON.stringify(v)}`);
  return v;
}

export function checkPositiveInt(owner: string, name: string, v: unknown): void {
  if (v !== undefined && v !== null && !(Number.isInteger(v) && (v as number) > 0))
    throw new TrainingError(`${owner}: ${name} must be a positive integer, received ${JSON.stringify(v)}`);
}

export function shouldValidate(epoch: number, freq: FitOptions['validationFreq']): boolean {
  if (freq === undefined) return true;
  if (typeof freq === 'number') {
    checkPositiveInt('fit', 'validationFreq', freq);
    return (epoch + 1) % freq === 0;
  }
  if (Array.isArray(freq)) return freq.includes(epoch + 1);
  throw new TrainingError(
    `fit: validationFreq must be a positive integer or an array of epoch numbers (1-based), received ${describeValue(freq)}`,
  );
}
