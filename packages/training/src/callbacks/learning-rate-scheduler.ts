import { TrainingError } from '../errors';
import { Callback, type Logs } from './callback';

/**
 * Sets the learning rate at the start of each epoch from `schedule(epoch, currentRate)` (Keras's
 * LearningRateScheduler).
 *
 * @example
 * ```ts
 * // Keep the rate for 10 epochs, then decay it by e^-0.1 per epoch.
 * const scheduler = new LearningRateScheduler((epoch, lr) => (epoch < 10 ? lr : lr * Math.exp(-0.1)));
 * await model.fit(x, y, { epochs: 20, callbacks: [scheduler] });
 * ```
 */
export class LearningRateScheduler extends Callback {
  static override className = 'LearningRateScheduler';
  constructor(
    /** The new learning rate from the epoch (0-based) and the current rate. */
    readonly schedule: (epoch: number, learningRate: number) => number | Promise<number>,
    /** 1 prints the new rate at each epoch. Default: 0. */
    readonly verbose = 0,
  ) {
    super();
    if (typeof schedule !== 'function')
      throw new TrainingError(
        `LearningRateScheduler: expected a function (epoch, learningRate) => learningRate, received ${typeof schedule}`,
      );
  }

  override async onEpochBegin(epoch: number): Promise<void> {
    const optimizer = this.trainer?.optimizer;
    if (!optimizer) return;
    const lr = await this.schedule(epoch, optimizer.learningRate);
    if (typeof lr !== 'number' || !Number.isFinite(lr)) {
      throw new TrainingError(
        `LearningRateScheduler: the schedule must return a finite number, received ${JSON.stringify(lr)} at epoch ${epoch}`,
      );
    }
    optimizer.learningRate = lr;
    if (this.verbose > 0) console.log(`Epoch ${epoch + 1}: LearningRateScheduler setting learning rate to ${lr}.`);
  }

  override onEpochEnd(_epoch: number, logs: Logs): void {
    if (this.trainer?.optimizer) logs.learning_rate = this.trainer.optimizer.learningRate;
  }
}
