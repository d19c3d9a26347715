import { TrainingError } from '../errors';
import { Callback, monitorMode, type Logs } from './callback';

/** The options of {@link ReduceLROnPlateau}. */
export interface ReduceLROnPlateauArgs {
  /** The logged value to watch. Default: `'val_loss'`. */
  monitor?: string;
  /** The new rate is the old one times this. */
  factor?: number;
  /** Epochs without improvement before reducing. */
  patience?: number;
  /** 1 prints a line at each reduction. Default: 0. */
  verbose?: number;
  /** `'auto'` (from the name: accuracies go up, losses down), `'min'` or `'max'`. Default: `'auto'`. */
  mode?: 'auto' | 'min' | 'max';
  /** The smallest change that counts as an improvement. Default: 1e-4. */
  minDelta?: number;
  /** Epochs to wait after a reduction before watching again. */
  cooldown?: number;
  /** The learning rate never goes below this. Default: 0. */
  minLr?: number;
}

/**
 * Multiplies the learning rate by `factor` when a monitored value stops improving (Keras's ReduceLROnPlateau).
 *
 * @example
 * ```ts
 * const reduce = new ReduceLROnPlateau({ monitor: 'val_loss', factor: 0.2, patience: 5, minLr: 1e-5 });
 * await model.fit(x, y, { epochs: 50, validationSplit: 0.2, callbacks: [reduce] });
 * ```
 */
export class ReduceLROnPlateau extends Callback {
  static override className = 'ReduceLROnPlateau';
  /** The logged value watched. */
  readonly monitor: string;
  /** The factor the learning rate is multiplied by at each reduction. */
  readonly factor: number;
  /** Epochs without improvement before reducing. */
  readonly patience: number;
  /** 1 prints a line at each reduction. */
  readonly verbose: number;
  /** Whether the watched value should go down, up, or be guessed from its name. */
  readonly mode: 'auto' | 'min' | 'max';
  /** The smallest change that counts as an improvement. */
  readonly minDelta: number;
  /** Epochs to wait after a reduction before watching again. */
  readonly cooldown: number;
  /** The lower bound of the learning rate. */
  readonly minLr: number;
  /** Epochs since the last improvement. */
  wait = 0;
  /** Epochs of cooldown left. */
  cooldownCounter = 0;
  /** The best value seen (NaN before the first). */
  best = NaN;
  private direction: 'min' | 'max' = 'min';

  constructor(args: ReduceLROnPlateauArgs = {}) {
    super();
    this.monitor = args.monitor ?? 'val_loss';
    this.factor = args.factor ?? 0.1;
    if (!(this.factor < 1))
      throw new TrainingError(
        `ReduceLROnPlateau: factor must be below 1 (it multiplies the learning rate), received ${args.factor}`,
      );
    this.patience = args.patience ?? 10;
    this.verbose = args.verbose ?? 0;
    this.mode = args.mode ?? 'auto';
    this.minDelta = args.minDelta ?? 1e-4;
    this.cooldown = args.cooldown ?? 0;
    this.minLr = args.minLr ?? 0;
  }

  override onTrainBegin(): void {
    this.direction = monitorMode(this.monitor, this.mode);
    this.best = this.direction === 'min' ? Infinity : -Infinity;
    this.wait = 0;
    this.cooldownCounter = 0;
  }

  override onEpochEnd(epoch: number, logs: Logs): void {
    const optimizer = this.trainer?.optimizer;
    if (!optimizer) return;
    logs.learning_rate = optimizer.learningRate;
    const current = logs[this.monitor];
    if (current === undefined) {
      console.warn(
        `ReduceLROnPlateau: the monitored value '${this.monitor}' is not in the logs (available: ${Object.keys(logs).join(', ')})`,
      );
      return;
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    const better = this.direction === 'min' ? current < this.best - this.minDelta : current > this.best + this.minDelta;
    if (better) {
      this.best = current;
      this.wait = 0;
    } else if (this.cooldownCounter <= 0) {
      this.wait += 1;
      if (this.wait >= this.patience) {
        const old = optimizer.learningRate;
        if (old > Math.fround(this.minLr)) {
          const next = Math.max(old * this.factor, this.minLr);
          optimizer.learningRate = next;
          if (this.verbose > 0) console.log(`Epoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${next}.`);
          this.cooldownCounter = this.cooldown;
          this.wait = 0;
        }
      }
    }
  }
}
