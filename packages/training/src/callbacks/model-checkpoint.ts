import { TrainingError } from '../errors';
import { toStored, writeWeightsFile } from '../utils/weights-file';
import { Callback, monitorMode, type BatchLogs, type Logs } from './callback';

/** The options of {@link ModelCheckpoint}. */
export interface ModelCheckpointArgs {
  /** Where to save; may hold `{epoch}`, `{epoch:02d}`, `{val_loss:.4f}` and any logged name. */
  filepath: string;
  /** The logged value compared for `saveBestOnly`. Default: `'val_loss'`. */
  monitor?: string;
  /** 1 prints a line at each save. Default: 0. */
  verbose?: number;
  /** Save only when the monitored value improves on the best so far. */
  saveBestOnly?: boolean;
  /** Save the weights (a Strata weights file) rather than the model through `model.save(path)`. */
  saveWeightsOnly?: boolean;
  /** `'auto'` (from the name: accuracies go up, losses down), `'min'` or `'max'`. Default: `'auto'`. */
  mode?: 'auto' | 'min' | 'max';
  /** 'epoch', or a number of batches between saves. */
  saveFreq?: 'epoch' | number;
  /** Save only values better than this. */
  initialValueThreshold?: number | null;
}

/**
 * Fills `{name}` and `{name:spec}` (Python's `d`, `.Nf`, `.Ne`) placeholders with values.
 *
 * @example
 * ```ts
 * formatPath('ckpt/{epoch:02d}-{val_loss:.2f}.keras', { epoch: 3, val_loss: 0.1234 }); // 'ckpt/03-0.12.keras'
 * ```
 */
export function formatPath(template: string, values: Record<string, number>): string {
  return template.replace(/\{(\w+)(?::([^}]*))?\}/g, (whole, name: string, spec?: string) => {
    const v = values[name];
    if (v === undefined)
      throw new TrainingError(
        `ModelCheckpoint: the file path ${JSON.stringify(template)} uses {${name}}, which is not in the logs (available: ${Object.keys(values).join(', ')})`,
      );
    if (!spec) return String(v);
    const fixed = /^\.(\d+)f$/.exec(spec);
    if (fixed) return v.toFixed(Number(fixed[1]));
    const exp = /^\.(\d+)e$/.exec(spec);
    if (exp) return v.toExponential(Number(exp[1]));
    const int = /^(0?)(\d*)d$/.exec(spec);
    if (int) return String(Math.round(v)).padStart(Number(int[2] || 0), int[1] ? '0' : ' ');
    return whole;
  });
}

/**
 * Saves the model or its weights during training: every epoch, every N batches, or only the best (Keras's
 * ModelCheckpoint).
 *
 * @example
 * ```ts
 * const filepath = 'ckpt/model-{epoch:02d}-{val_loss:.3f}.keras';
 * const checkpoint = new ModelCheckpoint({ filepath, saveBestOnly: true });
 * await model.fit(x, y, { epochs: 10, validationSplit: 0.2, callbacks: [checkpoint] });
 * checkpoint.saved; // the paths written
 * ```
 */
export class ModelCheckpoint extends Callback {
  static override className = 'ModelCheckpoint';
  /** The path template saves go to. */
  readonly filepath: string;
  /** The logged value compared for `saveBestOnly`. */
  readonly monitor: string;
  /** 1 prints a line at each save. */
  readonly verbose: number;
  /** Whether only improvements are saved. */
  readonly saveBestOnly: boolean;
  /** Whether only the weights are saved. */
  readonly saveWeightsOnly: boolean;
  /** Whether the monitored value should go down, up, or be guessed from its name. */
  readonly mode: 'auto' | 'min' | 'max';
  /** `'epoch'`, or the number of batches between saves. */
  readonly saveFreq: 'epoch' | number;
  /** The best monitored value so far, or null. */
  best: number | null;
  private epoch = 0;
  private batchesSinceSave = 0;
  /** Paths written, in order. */
  readonly saved: string[] = [];

  constructor(args: ModelCheckpointArgs) {
    super();
    if (!args || typeof args.filepath !== 'string')
      throw new TrainingError(`ModelCheckpoint: expected {filepath: string, ...}, received ${JSON.stringify(args)}`);
    this.filepath = args.filepath;
    this.monitor = args.monitor ?? 'val_loss';
    this.verbose = args.verbose ?? 0;
    this.saveBestOnly = args.saveBestOnly ?? false;
    this.saveWeightsOnly = args.saveWeightsOnly ?? false;
    this.mode = args.mode ?? 'auto';
    this.saveFreq = args.saveFreq ?? 'epoch';
    if (this.saveFreq !== 'epoch' && !(Number.isInteger(this.saveFreq) && this.saveFreq > 0)) {
      throw new TrainingError(
        `ModelCheckpoint: saveFreq must be 'epoch' or a positive integer number of batches, received ${JSON.stringify(args.saveFreq)}`,
      );
    }
    this.best = args.initialValueThreshold ?? null;
  }

  override onTrainBegin(): void {
    if (!this.saveWeightsOnly && typeof this.model?.save !== 'function') {
      throw new TrainingError(
        `ModelCheckpoint: the model has no save(path) method, so it cannot be saved whole; pass saveWeightsOnly: true to save its weights instead`,
      );
    }
  }

  override onEpochBegin(epoch: number): void {
    this.epoch = epoch;
  }

  override async onTrainBatchEnd(_batch: number, logs: BatchLogs): Promise<void> {
    if (this.saveFreq === 'epoch') return;
    if (++this.batchesSinceSave < this.saveFreq) return;
    this.batchesSinceSave = 0;
    await this.save({ ...logs });
  }

  override async onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    this.epoch = epoch;
    if (this.saveFreq === 'epoch') await this.save(logs);
  }

  private async save(logs: Logs): Promise<void> {
    const path = formatPath(this.filepath, { ...logs, epoch: this.epoch + 1 });
    if (this.saveBestOnly) {
      const current = logs[this.monitor];
      if (current === undefined) {
        console.warn(
          `ModelCheckpoint: can save the best model only with '${this.monitor}' in the logs (available: ${Object.keys(logs).join(', ')}); skipping`,
        );
        return;
      }
      const dir = monitorMode(this.monitor, this.mode);
      const better = this.best === null || (dir === 'min' ? current < this.best : current > this.best);
      if (!better) return;
      if (this.verbose > 0)
        console.log(
          `Epoch ${this.epoch + 1}: ${this.monitor} improved from ${this.best} to ${current}, saving model to ${path}`,
        );
      this.best = current;
    } else if (this.verbose > 0) {
      console.log(`Epoch ${this.epoch + 1}: saving model to ${path}`);
    }
    if (this.saveWeightsOnly) {
      const trainer = this.trainer;
      if (!trainer) return;
      await writeWeightsFile(path, {
        meta: { epoch: this.epoch },
        arrays: await toStored(trainer.weightVariables.map((v) => [v.name, v])),
      });
    } else {
      await this.model?.save?.(path);
    }
    this.saved.push(path);
  }
}
