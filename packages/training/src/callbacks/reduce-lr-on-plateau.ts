import { TrainingError } from '../errors';
import { Callback, monitorMode, type Logs } from './callback';

export interface ReduceLROnPlateauArgs {
  monitor?: string;
  /** The new rate is the old one times this. */
  factor?: number;
  /** Epochs without improvement before reducing. */
  patience?: number;
  verbose?: number;
  mode?: 'auto' | 'min' | 'max';
  minDelta?: number;
  /** Epochs to wait after a reduction before watching again. */
  cooldown?: number;
  minLr?: number;
}

/** Multiplies the learning rate by `factor` when a monitored value stops improving (Keras's ReduceLROnPlateau). */
export class ReduceLROnPlateau extends Callback {
  static override className = 'ReduceLROnPlateau';
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly verbose: number;
  readonly mode: 'auto' | 'min' | 'max';
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLr: number;
  wait = 0;
  cooldownCounter = 0;
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
