import { dispose, type Tensor } from '@strata/tensor';
import { TrainingError } from '../errors';
import { Callback, monitorMode, type Logs } from './callback';

/** The options of {@link EarlyStopping}. */
export interface EarlyStoppingArgs {
  /** The logged value to watch (default 'val_loss'). */
  monitor?: string;
  /** The smallest change that counts as an improvement. */
  minDelta?: number;
  /** Epochs without improvement before stopping. */
  patience?: number;
  /** 1 prints a line when training stops. Default: 0. */
  verbose?: number;
  /** `'auto'` (from the name: accuracies go up, losses down), `'min'` or `'max'`. Default: `'auto'`. */
  mode?: 'auto' | 'min' | 'max';
  /** Stop unless the value gets better than this. */
  baseline?: number | null;
  /** Put back the weights of the best epoch when training stops. */
  restoreBestWeights?: boolean;
  /** Epochs to wait before watching (a warm-up). */
  startFromEpoch?: number;
}

/**
 * Stops training when a monitored value has stopped improving (Keras's EarlyStopping).
 *
 * @example
 * ```ts
 * const stop = new EarlyStopping({ monitor: 'val_loss', patience: 3, restoreBestWeights: true });
 * await model.fit(x, y, { epochs: 100, validationSplit: 0.2, callbacks: [stop] });
 * stop.stoppedEpoch; // the epoch it stopped at (0 if it ran all 100)
 * ```
 */
export class EarlyStopping extends Callback {
  static override className = 'EarlyStopping';
  /** The logged value watched. */
  readonly monitor: string;
  /** The smallest change that counts as an improvement. */
  readonly minDelta: number;
  /** Epochs without improvement before stopping. */
  readonly patience: number;
  /** 1 prints a line when training stops. */
  readonly verbose: number;
  /** Whether the watched value should go down, up, or be guessed from its name. */
  readonly mode: 'auto' | 'min' | 'max';
  /** The value training must beat, or null. */
  readonly baseline: number | null;
  /** Whether the best epoch's weights are put back when training stops. */
  readonly restoreBestWeights: boolean;
  /** Epochs of warm-up before watching. */
  readonly startFromEpoch: number;
  /** Epochs since the last improvement. */
  wait = 0;
  /** The epoch training stopped at (0 while it has not). */
  stoppedEpoch = 0;
  /** The best value seen, or null before the first. */
  best: number | null = null;
  /** The epoch of the best value. */
  bestEpoch = 0;
  private bestWeights: Tensor[] | null = null;
  private direction: 'min' | 'max' = 'min';

  constructor(args: EarlyStoppingArgs = {}) {
    super();
    this.monitor = args.monitor ?? 'val_loss';
    this.minDelta = Math.abs(args.minDelta ?? 0);
    this.patience = args.patience ?? 0;
    this.verbose = args.verbose ?? 0;
    this.mode = args.mode ?? 'auto';
    if (!['auto', 'min', 'max'].includes(this.mode))
      throw new TrainingError(
        `EarlyStopping: mode must be 'auto', 'min' or 'max', received ${JSON.stringify(args.mode)}`,
      );
    this.baseline = args.baseline ?? null;
    this.restoreBestWeights = args.restoreBestWeights ?? false;
    this.startFromEpoch = args.startFromEpoch ?? 0;
  }

  override onTrainBegin(): void {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = null;
    this.bestEpoch = 0;
    this.direction = monitorMode(this.monitor, this.mode);
    this.dropBestWeights();
  }

  private improves(value: number, reference: number | null): boolean {
    if (reference === null) return true;
    return this.direction === 'min' ? value + this.minDelta < reference : value - this.minDelta > reference;
  }

  override onEpochEnd(epoch: number, logs: Logs): void {
    const current = logs[this.monitor];
    if (current === undefined) {
      console.warn(
        `EarlyStopping: the monitored value '${this.monitor}' is not in the logs (available: ${Object.keys(logs).join(', ')}); pass monitor with one of those names`,
      );
      return;
    }
    if (epoch < this.startFromEpoch) return;
    if (this.restoreBestWeights && this.bestWeights === null) this.saveBest(epoch);
    this.wait += 1;
    if (this.improves(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.saveBest(epoch);
      if (this.baseline === null || this.improves(current, this.baseline)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0 && this.trainer) {
      this.stoppedEpoch = epoch;
      this.trainer.stopTraining = true;
    }
  }

  private saveBest(epoch: number): void {
    this.dropBestWeights();
    this.bestWeights = this.trainer?.getWeights() ?? null;
    this.bestEpoch = epoch;
  }

  private dropBestWeights(): void {
    if (this.bestWeights) dispose(this.bestWeights);
    this.bestWeights = null;
  }

  override onTrainEnd(): void {
    if (this.stoppedEpoch > 0 && this.verbose > 0) console.log(`Epoch ${this.stoppedEpoch + 1}: early stopping`);
    if (this.restoreBestWeights && this.bestWeights && this.trainer) {
      if (this.verbose > 0)
        console.log(`Restoring model weights from the end of the best epoch: ${this.bestEpoch + 1}.`);
      this.trainer.setWeights(this.bestWeights);
    }
    this.dropBestWeights();
  }
}
