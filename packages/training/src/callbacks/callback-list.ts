import type { Tensor } from '@strata/tensor';
import { Callback, type BatchLogs, type CallbackParams, type Logs, type TrainingContext } from './callback';

type BatchHook =
  | 'onTrainBatchBegin'
  | 'onTrainBatchEnd'
  | 'onTestBatchBegin'
  | 'onTestBatchEnd'
  | 'onPredictBatchBegin'
  | 'onPredictBatchEnd';

/** Whether a callback overrides a hook (hooks left as the base's no-ops are never called). */
function overrides(cb: Callback, hook: keyof Callback): boolean {
  return (
    (cb as unknown as Record<string, unknown>)[hook] !==
    (Callback.prototype as unknown as Record<string, unknown>)[hook]
  );
}

/**
 * Logs whose values are read from their tensors on first access, once (memoised). On a backend that
 * cannot read synchronously, fit reads them all first, with an await, if a hook needs them.
 *
 * @example
 * ```ts
 * const logs = lazyLogs({ loss: lossTensor }); // reads lossTensor only when logs.loss is read
 * ```
 */
export function lazyLogs(tensors: Record<string, Tensor>, known: Logs = {}): BatchLogs {
  const logs: BatchLogs = {};
  for (const [name, t] of Object.entries(tensors)) {
    let value: number | undefined = known[name];
    Object.defineProperty(logs, name, {
      enumerable: true,
      configurable: true,
      get: () => (value ??= scalarOf(t.dataSync())),
      set: (v: number) => (value = v),
    });
  }
  Object.defineProperty(logs, TENSORS, { value: tensors, enumerable: false });
  return logs;
}

const TENSORS = Symbol('strata.logTensors');

/**
 * The tensors behind lazy logs (for callbacks, as the progress bar, that read them asynchronously).
 *
 * @example
 * ```ts
 * logTensors(lazyLogs({ loss: lossTensor })); // { loss: lossTensor }
 * ```
 */
export function logTensors(logs: BatchLogs): Record<string, Tensor> | null {
  return (logs as unknown as Record<symbol, Record<string, Tensor>>)[TENSORS] ?? null;
}

function scalarOf(values: ArrayLike<number>): number {
  return values.length === 1 ? values[0] : Array.from(values).reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

/**
 * Calls every callback's hook in order, awaiting those that return promises, and skips hooks nobody overrides.
 *
 * @example
 * ```ts
 * const list = new CallbackList([new EarlyStopping(), new History()]);
 * await list.onEpochEnd(0, { loss: 0.5, val_loss: 0.6 }); // each callback's onEpochEnd, in order
 * ```
 */
export class CallbackList {
  /** The callbacks, in the order their hooks run. */
  readonly callbacks: Callback[];
  constructor(callbacks: readonly Callback[]) {
    this.callbacks = [...callbacks];
  }

  /** Gives every callback the model and the run's parameters. */
  setContext(trainer: TrainingContext, params: CallbackParams): void {
    for (const cb of this.callbacks) cb.setContext(trainer, params);
  }

  /** Does any callback override this batch hook? (When none does, fit builds no logs for it.) */
  wants(hook: BatchHook): boolean {
    return this.callbacks.some((cb) => overrides(cb, hook));
  }

  private async call(hook: keyof Callback, ...args: unknown[]): Promise<void> {
    for (const cb of this.callbacks) {
      if (!overrides(cb, hook)) continue;
      const out = (cb[hook] as (...a: unknown[]) => unknown).apply(cb, args);
      if (out instanceof Promise) await out;
    }
  }

  /** Runs every callback's onTrainBegin. */
  onTrainBegin(logs?: Logs) {
    return this.call('onTrainBegin', logs);
  }
  /** Runs every callback's onTrainEnd. */
  onTrainEnd(logs?: Logs) {
    return this.call('onTrainEnd', logs);
  }
  /** Runs every callback's onEpochBegin. */
  onEpochBegin(epoch: number, logs?: Logs) {
    return this.call('onEpochBegin', epoch, logs);
  }
  /** Runs every callback's onEpochEnd. */
  onEpochEnd(epoch: number, logs: Logs) {
    return this.call('onEpochEnd', epoch, logs);
  }
  /** Runs every callback's onTrainBatchBegin. */
  onTrainBatchBegin(batch: number) {
    return this.call('onTrainBatchBegin', batch, {});
  }
  /** Runs every callback's onTrainBatchEnd. */
  onTrainBatchEnd(batch: number, logs: BatchLogs) {
    return this.call('onTrainBatchEnd', batch, logs);
  }
  /** Runs every callback's onTestBegin. */
  onTestBegin(logs?: Logs) {
    return this.call('onTestBegin', logs);
  }
  /** Runs every callback's onTestEnd. */
  onTestEnd(logs: Logs) {
    return this.call('onTestEnd', logs);
  }
  /** Runs every callback's onTestBatchBegin. */
  onTestBatchBegin(batch: number) {
    return this.call('onTestBatchBegin', batch, {});
  }
  /** Runs every callback's onTestBatchEnd. */
  onTestBatchEnd(batch: number, logs: BatchLogs) {
    return this.call('onTestBatchEnd', batch, logs);
  }
  /** Runs every callback's onPredictBegin. */
  onPredictBegin(logs?: Logs) {
    return this.call('onPredictBegin', logs);
  }
  /** Runs every callback's onPredictEnd. */
  onPredictEnd(logs?: Logs) {
    return this.call('onPredictEnd', logs);
  }
  /** Runs every callback's onPredictBatchBegin. */
  onPredictBatchBegin(batch: number) {
    return this.call('onPredictBatchBegin', batch, {});
  }
  /** Runs every callback's onPredictBatchEnd. */
  onPredictBatchEnd(batch: number) {
    return this.call('onPredictBatchEnd', batch, {});
  }
}
