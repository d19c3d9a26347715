import type { Tensor, Variable } from '@strata/tensor';
import type { Optimizer } from '../optimizers/optimizer';
import type { Trainable } from '../trainer/trainable';

/** Named numbers: what epoch-level callback hooks receive (`loss`, `accuracy`, `val_loss`, ...). */
export type Logs = Record<string, number>;

/**
 * What a batch-level hook receives: the step's values as numbers, each read from the device only
 * when the hook reads it (so a callback that ignores them costs no synchronisation). Read them
 * inside the hook: the tensors behind them are freed when it returns.
 */
export type BatchLogs = Logs;

/** The parameters of the running fit, evaluate or predict (Keras's `callback.params`). */
export interface CallbackParams {
  epochs?: number;
  /** Steps per epoch (or per evaluation), null when the data does not say. */
  steps: number | null;
  verbose: number;
}

/** What a callback may act on while training: the model itself (a Trainer), its optimizer, weights and stopping. */
export interface TrainingContext extends Trainable {
  readonly optimizer: Optimizer | null;
  /** Set to true to end training after the current batch (Keras's `model.stop_training`). */
  stopTraining: boolean;
  /** The model's weights (trainable and not), in a stable order. */
  readonly weightVariables: Variable[];
  /** The current weight values, as tensors the caller owns. */
  getWeights(): Tensor[];
  /** Replaces the weight values (in the order of `weightVariables`). */
  setWeights(values: readonly Tensor[]): void;
  /** The epoch the current fit starts from; BackupAndRestore moves it forward on resume. */
  initialEpoch: number;
}

/**
 * The base of every callback (Keras's `Callback`): override the hooks you need. Any hook may return
 * a promise; fit awaits it. `this.trainer` and `this.model` are set when fit starts.
 */
export class Callback {
  static className = 'Callback';
  trainer: TrainingContext | null = null;
  params: CallbackParams = { steps: null, verbose: 0 };

  /** The model being trained: the same object as `trainer` (a Model is its own Trainer). */
  get model(): TrainingContext | null {
    return this.trainer;
  }

  /** @internal called by fit, evaluate and predict before the first hook. */
  setContext(trainer: TrainingContext, params: CallbackParams): void {
    this.trainer = trainer;
    this.params = params;
  }

  onTrainBegin(_logs?: Logs): void | Promise<void> {}
  onTrainEnd(_logs?: Logs): void | Promise<void> {}
  onEpochBegin(_epoch: number, _logs?: Logs): void | Promise<void> {}
  onEpochEnd(_epoch: number, _logs: Logs): void | Promise<void> {}
  onTrainBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  onTrainBatchEnd(_batch: number, _logs: BatchLogs): void | Promise<void> {}
  onTestBegin(_logs?: Logs): void | Promise<void> {}
  onTestEnd(_logs: Logs): void | Promise<void> {}
  onTestBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  onTestBatchEnd(_batch: number, _logs: BatchLogs): void | Promise<void> {}
  onPredictBegin(_logs?: Logs): void | Promise<void> {}
  onPredictEnd(_logs?: Logs): void | Promise<void> {}
  onPredictBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  onPredictBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
}

/** Direction of a monitored quantity: accuracies and AUC go up, losses and errors go down. */
export function monitorMode(monitor: string, mode: 'auto' | 'min' | 'max'): 'min' | 'max' {
  if (mode === 'min' || mode === 'max') return mode;
  const name = monitor.replace(/^val_/, '');
  return /acc|auc|precision|recall|f1|fbeta/.test(name) ? 'max' : 'min';
}
