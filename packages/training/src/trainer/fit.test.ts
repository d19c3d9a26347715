import { memory, dispose, tidy, type Tensor } from '@strata/tensor';
import { useCpu } from '../testing/setup';
import { TwoLayer, planeData, threeClassData } from '../testing/models';
import { Adam } from '../optimizers';
import { LambdaCallback } from '../callbacks';

beforeAll(useCpu);

test('fit trains a plain Layer: loss falls, accuracy rises, History records each epoch, nothing leaks', async () => {
  const [x, y] = planeData(256);
  const model = new TwoLayer({ activation: 'sigmoid' });
  const trainer = model;
  trainer.compile({ optimizer: new Adam({ learningRate: 0.05 }), loss: 'binary_crossentropy', metrics: ['accuracy'] });
  tidy(() => model.apply(x)); // build the weights, so the count below excludes them
  const before = memory().numTensors;
  const history = await trainer.fit(x, y, { epochs: 8, batchSize: 32, verbose: 0, seed: 1 });
  const optimizerState = trainer.optimizer!.variables.length;
  expect(optimizerState).toBe(2 * 4); // Adam: 2 slots for each of 4 weights
  expect(memory().numTensors).toBe(before + optimizerState);
  expect(history.epoch).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  expect(history.loss!.length).toBe(8);
  expect(history.loss![7]).toBeLessThan(history.loss![0]);
  expect(history.accuracy![7]).toBeGreaterThan(0.9);
  expect(history.history.accuracy).toBe(history.accuracy);
  const after = memory().numTensors;
  const logs = await trainer.evaluate(x, y, { batchSize: 64 });
  expect(Object.keys(logs).sort()).toEqual(['accuracy', 'loss']);
  expect(logs.accuracy).toBeGreaterThan(0.9);
  const preds = (await trainer.predict(x, { batchSize: 100 })) as Tensor;
  expect(preds.shape).toEqual([256, 1]);
  preds.dispose();
  expect(memory().numTensors).toBe(after);
  // a second fit adds nothing: the optimizer state exists already
  await trainer.fit(x, y, { epochs: 1, verbose: 0 });
  expect(memory().numTensors).toBe(after);
  dispose([x, y]);
  model.dispose();
});

test("'accuracy' resolves from the loss and the shapes: sparse labels give sparse categorical accuracy", async () => {
  const [x, y] = threeClassData(300);
  const model = new TwoLayer({ hidden: 32, out: 3 });
  const trainer = model;
  trainer.compile({
    optimizer: { className: 'Adam', config: { learningRate: 0.02 } },
    loss: { className: 'SparseCategoricalCrossentropy', config: { fromLogits: true } },
    metrics: ['accuracy'],
  });
  const history = await trainer.fit(x, y, { epochs: 15, batchSize: 30, verbose: 0, validationSplit: 0.2 });
  expect(trainer.compiledMetrics!.list[0].constructor.name).toBe('SparseCategoricalAccuracy');
  expect(Object.keys(history.history).sort()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
  expect(history.val_accuracy![14]).toBeGreaterThan(0.8);
  dispose([x, y]);
  model.dispose();
});

test('fit reads no value from the device per batch unless a callback asks for it', async () => {
  const [x, y] = planeData(64);
  const model = new TwoLayer();
  const trainer = model;
  trainer.compile({ optimizer: 'sgd', loss: 'mse' });
  const reads = { sync: 0, async: 0 };
  const proto = Object.getPrototypeOf(x) as { dataSync: () => unknown; data: () => Promise<unknown> };
  const { dataSync, data } = proto;
  proto.dataSync = function (this: Tensor) {
    reads.sync++;
    return dataSync.call(this);
  };
  proto.data = function (this: Tensor) {
    reads.async++;
    return data.call(this);
  };
  try {
    await trainer.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0 });
    expect(reads).toEqual({ sync: 0, async: 2 }); // the loss, once per epoch
    reads.async = 0;
    let seen = 0;
    await trainer.fit(x, y, {
      epochs: 1,
      batchSize: 8,
      verbose: 0,
      callbacks: [new LambdaCallback({ onBatchEnd: (_b, logs) => void (seen += logs.loss > 0 ? 1 : 0) })],
    });
    expect(seen).toBe(8);
    expect(reads.sync).toBe(8);
  } finally {
    proto.dataSync = dataSync;
    proto.data = data;
  }
  dispose([x, y]);
  model.dispose();
});
