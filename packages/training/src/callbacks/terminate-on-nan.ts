import { Callback, type BatchLogs } from './callback';

/**
 * Stops training at the first batch whose loss is NaN or infinite and says where (Keras's
 * TerminateOnNaN). It reads the loss after every batch: the one host-device synchronisation per
 * batch that this callback costs.
 *
 * @example
 * ```ts
 * const guard = new TerminateOnNaN();
 * await model.fit(x, y, { epochs: 10, callbacks: [guard] });
 * guard.stoppedAt; // null, or { epoch, batch, loss }
 * ```
 */
export class TerminateOnNaN extends Callback {
  static override className = 'TerminateOnNaN';
  /** Where training stopped on a NaN or infinite loss, or null while it has not. */
  stoppedAt: {
    /** The epoch (0-based) of the step whose loss was not finite. */
    epoch: number;
    /** The batch index within that epoch. */
    batch: number;
    /** The loss that stopped training (NaN or ±Infinity). */
    loss: number;
  } | null = null;
  private epoch = 0;

  override onTrainBegin(): void {
    this.stoppedAt = null;
  }

  override onEpochBegin(epoch: number): void {
    this.epoch = epoch;
  }

  override onTrainBatchEnd(batch: number, logs: BatchLogs): void {
    const loss = logs.loss;
    if (loss === undefined || Number.isFinite(loss)) return;
    this.stoppedAt = { epoch: this.epoch, batch, loss };
    console.log(`Epoch ${this.epoch + 1}, batch ${batch}: invalid loss ${loss}, terminating training`);
    if (this.trainer) this.trainer.stopTraining = true;
  }
}
