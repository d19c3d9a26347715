import { Callback, type BatchLogs, type Logs } from './callback';

type Maybe<T> = T | Promise<T>;

/** The hooks a LambdaCallback runs (Keras's names, camelCase): only those given are called. */
export interface LambdaCallbackArgs {
  /** Called at the start of each epoch. */
  onEpochBegin?: (epoch: number, logs?: Logs) => Maybe<void>;
  /** Called at the end of each epoch with its logs. */
  onEpochEnd?: (epoch: number, logs: Logs) => Maybe<void>;
  /** Called before each training step. */
  onBatchBegin?: (batch: number, logs?: Logs) => Maybe<void>;
  /** Called after each training step with the running loss and metrics. */
  onBatchEnd?: (batch: number, logs: BatchLogs) => Maybe<void>;
  /** Called once when fit starts. */
  onTrainBegin?: (logs?: Logs) => Maybe<void>;
  /** Called once when fit ends. */
  onTrainEnd?: (logs?: Logs) => Maybe<void>;
}

/**
 * A callback made of plain functions (Keras's LambdaCallback).
 *
 * @example
 * ```ts
 * const losses: number[] = [];
 * const record = new LambdaCallback({ onEpochEnd: (_epoch, logs) => void losses.push(logs.loss) });
 * await model.fit(x, y, { epochs: 5, callbacks: [record] });
 * ```
 */
export class LambdaCallback extends Callback {
  /** The Keras class name, `'LambdaCallback'`. */
  static override className = 'LambdaCallback';
  constructor(args: LambdaCallbackArgs = {}) {
    super();
    // Hooks are set on the instance only when given, so fit skips the others entirely.
    if (args.onEpochBegin) this.onEpochBegin = args.onEpochBegin;
    if (args.onEpochEnd) this.onEpochEnd = args.onEpochEnd;
    if (args.onBatchBegin) this.onTrainBatchBegin = args.onBatchBegin;
    if (args.onBatchEnd) this.onTrainBatchEnd = args.onBatchEnd;
    if (args.onTrainBegin) this.onTrainBegin = args.onTrainBegin;
    if (args.onTrainEnd) this.onTrainEnd = args.onTrainEnd;
  }
}
