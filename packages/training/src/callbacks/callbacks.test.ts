import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispose, memory, tidy, zerosLike } from '@strata/tensor';
import { useCpu, values } from '../testing/setup';
import { TwoLayer, planeData } from '../testing/models';
import { Adam, SGD, type Optimizer } from '../optimizers';
import { loadWeights } from '../utils/weights-io';
import {
  BackupAndRestore,
  CSVLogger,
  Callback,
  EarlyStopping,
  LambdaCallback,
  LearningRateScheduler,
  ModelCheckpoint,
  ReduceLROnPlateau,
  formatPath,
  type Logs,
} from './index';

beforeAll(useCpu);

/** A callback that feeds fixed values into the logs, to drive the monitoring callbacks. */
class Script extends Callback {
  constructor(
    private readonly monitor: string,
    private readonly series: number[],
  ) {
    super();
  }
  override onEpochEnd(epoch: number, logs: Logs): void {
    logs[this.monitor] = this.series[epoch];
  }
}

function setup(optimizer: Optimizer = new SGD({ learningRate: 0.1 })) {
  const [x, y] = planeData(32);
  const model = new TwoLayer();
  const trainer = model;
  trainer.compile({ optimizer, loss: 'mse' });
  tidy(() => model.apply(x));
  const done = () => {
    dispose([x, y]);
    model.dispose();
  };
  return { x, y, model, trainer, done };
}

test('EarlyStopping stops after `patience` epochs without improvement and restores the best weights', async () => {
  const { x, y, model, trainer, done } = setup();
  const weightsAt: number[][] = [];
  const record = new LambdaCallback({ onEpochEnd: () => void weightsAt.push(values(model.trainableWeights[0])) });
  const stop = new EarlyStopping({ monitor: 'score', patience: 2, restoreBestWeights: true, mode: 'max' });
  const before = memory().numTensors;
  const history = await trainer.fit(x, y, {
    epochs: 10,
    verbose: 0,
    callbacks: [new Script('score', [1, 3, 2, 2.5, 5]), record, stop],
  });
  expect(history.epoch).toEqual([0, 1, 2, 3]);
  expect(stop.stoppedEpoch).toBe(3);
  expect(stop.bestEpoch).toBe(1);
  expect(values(model.trainableWeights[0])).toEqual(weightsAt[1]);
  expect(memory().numTensors).toBe(before);
  done();
});

test('ReduceLROnPlateau divides the rate after `patience` flat epochs, then cools down', async () => {
  const { x, y, trainer, done } = setup();
  const reduce = new ReduceLROnPlateau({ monitor: 'm', patience: 1, factor: 0.5, cooldown: 2, minLr: 0.02 });
  const rates: number[] = [];
  const h = await trainer.fit(x, y, {
    epochs: 6,
    verbose: 0,
    callbacks: [
      new Script('m', [1, 1, 1, 1, 1, 1]),
      reduce,
      new LambdaCallback({ onEpochEnd: () => void rates.push(trainer.optimizer!.learningRate) }),
    ],
  });
  expect(rates).toEqual([0.1, 0.05, 0.05, 0.025, 0.025, 0.02]);
  expect(h.learning_rate).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.025]);
  done();
});

test('LearningRateScheduler sets the rate each epoch from (epoch, rate)', async () => {
  const { x, y, trainer, done } = setup(new SGD({ learningRate: 1 }));
  const h = await trainer.fit(x, y, {
    epochs: 3,
    verbose: 0,
    callbacks: [new LearningRateScheduler((epoch, lr) => (epoch === 0 ? 0.5 : lr / 10))],
  });
  expect(h.learning_rate!.map((v) => +v.toPrecision(6))).toEqual([0.5, 0.05, 0.005]);
  done();
});

test('CSVLogger writes a header and one row per epoch; ModelCheckpoint saves formatted paths, only the best if asked', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-cb-'));
  const { x, y, model, trainer, done } = setup();
  const csv = join(dir, 'log.csv');
  const best = new ModelCheckpoint({
    filepath: join(dir, 'best.weights.bin'),
    monitor: 'loss',
    saveBestOnly: true,
    saveWeightsOnly: true,
  });
  const every = new ModelCheckpoint({ filepath: join(dir, 'w-{epoch:02d}-{loss:.3f}.bin'), saveWeightsOnly: true });
  const h = await trainer.fit(x, y, { epochs: 3, verbose: 0, callbacks: [new CSVLogger(csv), best, every] });
  const lines = readFileSync(csv, 'utf8').trim().split('\n');
  expect(lines[0]).toBe('epoch,loss');
  expect(lines.length).toBe(4);
  expect(Number(lines[3].split(',')[1])).toBeCloseTo(h.loss![2], 6);
  expect(every.saved.map((p) => p.slice(dir.length + 1))).toEqual(
    h.loss!.map((l, i) => `w-0${i + 1}-${l.toFixed(3)}.bin`),
  );
  expect(existsSync(join(dir, 'best.weights.bin'))).toBe(true);
  // the saved weights load back
  const before = values(model.trainableWeights[0]);
  tidy(() => model.trainableWeights[0].assign(zerosLike(model.trainableWeights[0])));
  await loadWeights(every.saved[2], trainer.weightVariables);
  expect(values(model.trainableWeights[0])).toEqual(before);
  expect(() => new ModelCheckpoint({ filepath: 'x', saveFreq: 0 })).toThrow(
    /saveFreq must be 'epoch' or a positive integer/,
  );
  await expect(
    trainer.fit(x, y, { epochs: 1, verbose: 0, callbacks: [new ModelCheckpoint({ filepath: join(dir, 'm.keras') })] }),
  ).rejects.toThrow(/the model has no save\(path\) method.*pass saveWeightsOnly: true/);
  expect(formatPath('e{epoch:03d}-{val_loss:.2f}', { epoch: 7, val_loss: 0.12345 })).toBe('e007-0.12');
  done();
});

test('BackupAndRestore: a run killed mid-training resumes from its last backup and ends where an unbroken run ends', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-backup-'));
  const run = async (kill: number | null, folder: string) => {
    const { x, y, model, trainer, done } = setup(new Adam({ learningRate: 0.01 }));
    const epochs: number[] = [];
    const killer = new LambdaCallback({
      onEpochBegin: (epoch) => {
        if (epoch === kill) throw new Error('killed');
        epochs.push(epoch);
      },
    });
    const backup = new BackupAndRestore({ backupDir: join(dir, folder) });
    try {
      await trainer.fit(x, y, { epochs: 5, verbose: 0, shuffle: false, callbacks: [backup, killer] });
    } catch (e) {
      expect((e as Error).message).toBe('killed');
    }
    const w = values(model.trainableWeights[0]);
    done();
    return { epochs, w, backup };
  };
  const unbroken = await run(null, 'unbroken');
  const killed = await run(3, 'run');
  expect(killed.epochs).toEqual([0, 1, 2]);
  expect(existsSync(killed.backup.file)).toBe(true);
  const resumed = await run(null, 'run');
  expect(resumed.backup.resumedFromEpoch).toBe(3);
  expect(resumed.epochs).toEqual([3, 4]);
  resumed.w.forEach((v, i) => expect(v).toBeCloseTo(unbroken.w[i], 5));
  expect(existsSync(resumed.backup.file)).toBe(false);
});
