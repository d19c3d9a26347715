import { tidy } from '@strata/tensor';
import { TrainingError } from '../errors';
import { nodeFs } from '../utils/node-builtins';
import { readWeightsFile, storedToTensor, toStored, writeWeightsFile } from '../utils/weights-file';
import { Callback } from './callback';

/** The options of {@link BackupAndRestore}. */
export interface BackupAndRestoreArgs {
  /** The folder the backup lives in. */
  backupDir: string;
  /** 'epoch', or a number of batches between backups. */
  saveFreq?: 'epoch' | number;
  /** Delete the backup when training finishes normally. */
  deleteCheckpoint?: boolean;
}

/**
 * Backs up the weights, the optimizer's state and the epoch reached, so that a run that was killed
 * resumes from its last backup when fit is called again with the same callback settings (Keras's
 * BackupAndRestore). A resumed run restarts the epoch in which the backup was taken.
 *
 * @example
 * ```ts
 * // Run it again after a crash: fit resumes from the last completed epoch.
 * await model.fit(x, y, { epochs: 50, callbacks: [new BackupAndRestore({ backupDir: 'backup' })] });
 * ```
 */
export class BackupAndRestore extends Callback {
  static override className = 'BackupAndRestore';
  /** The folder the backup lives in. */
  readonly backupDir: string;
  /** `'epoch'`, or the number of batches between backups. */
  readonly saveFreq: 'epoch' | number;
  /** Whether the backup is deleted when training finishes normally. */
  readonly deleteCheckpoint: boolean;
  /** The epoch fit resumed from, when it did. */
  resumedFromEpoch: number | null = null;
  private epoch = 0;
  private batches = 0;

  constructor(args: BackupAndRestoreArgs) {
    super();
    if (!args || typeof args.backupDir !== 'string' || args.backupDir === '')
      throw new TrainingError(`BackupAndRestore: expected {backupDir: string}, received ${JSON.stringify(args)}`);
    this.backupDir = args.backupDir;
    this.saveFreq = args.saveFreq ?? 'epoch';
    this.deleteCheckpoint = args.deleteCheckpoint ?? true;
  }

  /** The path of the backup file inside `backupDir`. */
  get file(): string {
    return `${this.backupDir.replace(/\/$/, '')}/backup.weights.bin`;
  }

  override async onTrainBegin(): Promise<void> {
    const trainer = this.trainer;
    if (!trainer) return;
    this.resumedFromEpoch = null;
    const { access } = await nodeFs('BackupAndRestore');
    const exists = await access(this.file).then(
      () => true,
      () => false,
    );
    if (!exists) return;
    const stored = await readWeightsFile(this.file);
    const weights = trainer.weightVariables;
    const optimizer = trainer.optimizer;
    if (optimizer) optimizer.build(trainer.trainableWeights);
    const optVars = optimizer?.variables ?? [];
    const model = stored.arrays.filter((a) => a.name.startsWith('model/'));
    const opt = stored.arrays.filter((a) => a.name.startsWith('optimizer/'));
    if (model.length !== weights.length || opt.length !== optVars.length) {
      throw new TrainingError(
        `BackupAndRestore: the backup in ${this.backupDir} holds ${model.length} model and ${opt.length} optimizer arrays, but this model has ${weights.length} weights and its optimizer ${optVars.length} state variables; ` +
          `it was made by a different model or optimizer: delete ${this.file} to start over`,
      );
    }
    tidy(() => {
      weights.forEach((v, i) => v.assign(storedToTensor(model[i], v.shape, 'BackupAndRestore')));
      optVars.forEach((v, i) => v.assign(storedToTensor(opt[i], v.shape, 'BackupAndRestore')));
    });
    if (optimizer) optimizer.setHostState((stored.meta.optimizer ?? {}) as Record<string, number>);
    const epoch = Number(stored.meta.epoch ?? 0);
    trainer.initialEpoch = epoch;
    this.resumedFromEpoch = epoch;
  }

  override onEpochBegin(epoch: number): void {
    this.epoch = epoch;
  }

  override async onTrainBatchEnd(): Promise<void> {
    if (this.saveFreq === 'epoch' || ++this.batches < this.saveFreq) return;
    this.batches = 0;
    await this.backup(this.epoch);
  }

  override async onEpochEnd(epoch: number): Promise<void> {
    if (this.saveFreq === 'epoch') await this.backup(epoch + 1);
  }

  /** Writes the backup: training resumes at `epoch`. */
  private async backup(epoch: number): Promise<void> {
    const trainer = this.trainer;
    if (!trainer) return;
    const optimizer = trainer.optimizer;
    const arrays = await toStored([
      ...trainer.weightVariables.map((v, i) => [`model/${i}/${v.name}`, v] as const),
      ...(optimizer?.variables ?? []).map((v, i) => [`optimizer/${i}/${v.name}`, v] as const),
    ]);
    await writeWeightsFile(this.file, { meta: { epoch, optimizer: optimizer?.getHostState() ?? {} }, arrays });
  }

  override async onTrainEnd(): Promise<void> {
    if (!this.deleteCheckpoint) return;
    const { rm } = await nodeFs('BackupAndRestore');
    await rm(this.file, { force: true });
  }
}
