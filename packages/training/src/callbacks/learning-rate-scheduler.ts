import { TrainingError } from '../errors';
import { Callback, type Logs } from './callback';

/** Sets the learning rate at the start of each epoch from `schedule(epoch, currentRate)` (Keras's LearningRateScheduler). */
export class LearningRateScheduler extends Callback {
  static override className = 'LearningRateScheduler';
  constructor(
    readonly schedule: (epoch: number, learningRate: number) => number | Promise<number>,
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
