import { Callback, type Logs } from './callback';

/**
 * What fit returns: the epoch numbers and each logged value per epoch, both as `history.history.loss`
 * (Keras) and directly as `history.loss`, `history.val_loss`, ...
 *
 * @example
 * ```ts
 * const history = await model.fit(x, y, { epochs: 3, validationSplit: 0.2 });
 * history.epoch; // [0, 1, 2]
 * history.history.loss; // three numbers (also history.loss, history.val_loss)
 * ```
 */
export class History extends Callback {
  static override className = 'History';
  /** The epochs run, in order. */
  readonly epoch: number[] = [];
  /** Each logged value per epoch (`history.loss[i]` is epoch i's loss). */
  readonly history: Record<string, number[]> = {};

  override onTrainBegin(): void {
    // A History kept across fits (Keras's model.history) continues; fit makes a new one each time.
  }

  override onEpochEnd(epoch: number, logs: Logs): void {
    this.epoch.push(epoch);
    for (const [name, value] of Object.entries(logs)) {
      if (!(name in this.history)) {
        this.history[name] = [];
        if (!(name in this)) Object.defineProperty(this, name, { get: () => this.history[name], enumerable: true });
      }
      this.history[name].push(value);
    }
  }
}

/** A History as fit returns it: each logged series is also a property (`history.loss`, `history.val_accuracy`). */
export type FitHistory = History & { readonly [series: string]: number[] | undefined };
