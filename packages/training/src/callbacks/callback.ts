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
  /** The number of epochs of the running fit (absent in evaluate and predict). */
  epochs?: number;
  /** Steps per epoch (or per evaluation), null when the data does not say. */
  steps: number | null;
  /** The verbosity fit, evaluate or predict was given (0 silent, 1 progress bar, 2 one line per epoch). */
  verbose: number;
}

/** What a callback may act on while training: the model itself (a Trainer), its optimizer, weights and stopping. */
export interface TrainingContext extends Trainable {
  /** The optimizer fit updates the weights with, or null before compile. */
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
 *
 * @example
 * ```ts
 * class PrintLoss extends Callback {
 *   override onEpochEnd(epoch: number, logs: Logs): void {
 *     console.log(`epoch ${epoch + 1}: loss ${logs.loss.toFixed(4)}`);
 *   }
 * }
 * await model.fit(x, y, { epochs: 5, callbacks: [new PrintLoss()] });
 * ```
 */
export class Callback {
  /** The Keras class name of the callback. */
  static className = 'Callback';
  /** The model being trained, evaluated or predicted with; null until fit starts. */
  trainer: TrainingContext | null = null;
  /** The parameters of the running fit, evaluate or predict. */
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

  /** Called once when fit starts. */
  onTrainBegin(_logs?: Logs): void | Promise<void> {}
  /** Called once when fit ends, with the last epoch's logs. */
  onTrainEnd(_logs?: Logs): void | Promise<void> {}
  /** Called at the start of each epoch (0-based). */
  onEpochBegin(_epoch: number, _logs?: Logs): void | Promise<void> {}
  /** Called at the end of each epoch with its logs (`loss`, metrics, and `val_*` after validation). */
  onEpochEnd(_epoch: number, _logs: Logs): void | Promise<void> {}
  /** Called before each training step (the batch index within the epoch). */
  onTrainBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  /** Called after each training step with the running loss and metrics. */
  onTrainBatchEnd(_batch: number, _logs: BatchLogs): void | Promise<void> {}
  /** Called when evaluate (or fit's validation) starts. */
  onTestBegin(_logs?: Logs): void | Promise<void> {}
  /** Called when evaluate (or fit's validation) ends, with its logs. */
  onTestEnd(_logs: Logs): void | Promise<void> {}
  /** Called before each evaluation step. */
  onTestBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  /** Called after each evaluation step with the running loss and metrics. */
  onTestBatchEnd(_batch: number, _logs: BatchLogs): void | Promise<void> {}
  /** Called when predict starts. */
  onPredictBegin(_logs?: Logs): void | Promise<void> {}
  /** Called when predict ends. */
  onPredictEnd(_logs?: Logs): void | Promise<void> {}
  /** Called before each prediction step. */
  onPredictBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  /** Called after each prediction step. */
  onPredictBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
}

/**
 * Direction of a monitored quantity: accuracies and AUC go up, losses and errors go down.
 *
 * @example
 * ```ts
 * monitorMode('val_accuracy', 'auto'); // 'max'
 * monitorMode('val_loss', 'auto'); // 'min'
 * ```
 */
export function monitorMode(monitor: string, mode: 'auto' | 'min' | 'max'): 'min' | 'max' {
  if (mode === 'min' || mode === 'max') return mode;
  const name = monitor.replace(/^val_/, '');
  return /acc|auc|precision|recall|f1|fbeta/.test(name) ? 'max' : 'min';
}
