import { dispose, tensor, randomNormal, tidy, memory } from '@strata/tensor';
import { Dense } from '@strata/layers';
import { useCpu } from '../testing/setup';
import { TwoLayer, Wrap, planeData } from '../testing/models';
import { TerminateOnNaN } from '../callbacks';
import { SGD } from '../optimizers';

beforeAll(useCpu);

test('fit, evaluate and trainOnBatch before compile say to compile first', async () => {
  const [x, y] = planeData(8);
  const trainer = new TwoLayer();
  await expect(trainer.fit(x, y)).rejects.toThrow(
    "fit: the model must be compiled first: call compile({optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']}) (with your loss) before fit()",
  );
  await expect(trainer.evaluate(x, y)).rejects.toThrow(/evaluate: the model must be compiled first/);
  await expect(trainer.trainOnBatch(x, y)).rejects.toThrow(/trainOnBatch: the model must be compiled first/);
  dispose([x, y]);
});

test('x and y of different lengths name both and their sizes', async () => {
  const trainer = new TwoLayer();
  trainer.compile({ optimizer: 'adam', loss: 'mse' });
  const x = randomNormal([10, 4]);
  const y = randomNormal([9, 1]);
  const before = memory().numTensors;
  await expect(trainer.fit(x, y, { verbose: 0 })).rejects.toThrow(
    'fit: x and y must have the same number of samples (first axis), but x has 10 and y has 9',
  );
  await expect(trainer.fit([x, x], { a: y }, { verbose: 0 })).rejects.toThrow(
    'fit: x[0] and y.a must have the same number of samples (first axis), but x[0] has 10 and y.a has 9',
  );
  await expect(trainer.fit(x, y, { verbose: 0, epochs: 0 })).rejects.toThrow(
    'fit: epochs must be a positive integer, received 0',
  );
  await expect(trainer.fit(x, y, { verbose: 0, batchSise: 3 } as never)).rejects.toThrow(
    /fit: unknown option\(s\) batchSise; the options are batchSize, epochs/,
  );
  expect(memory().numTensors).toBe(before);
  dispose([x, y]);
});

test('labels of the wrong shape for the loss fail at the first batch, naming the loss and the fix', async () => {
  const trainer = new TwoLayer({ out: 3 });
  trainer.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy' });
  const x = randomNormal([6, 4]);
  const oneHot = tensor([
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ]);
  await expect(trainer.fit(x, oneHot, { verbose: 0 })).rejects.toThrow(
    'sparseCategoricalCrossentropy: expected integer class labels of shape [6] (or [6,1]) for predictions of shape [6,3], received labels of shape [6,3]; these look like one-hot labels: use categoricalCrossentropy for them',
  );
  trainer.compile({ optimizer: 'adam', loss: 'categorical_crossentropy' });
  await expect(trainer.fit(x, tensor([0, 1, 2, 0, 1, 2]), { verbose: 0 })).rejects.toThrow(
    /categoricalCrossentropy: labels of shape \[6\] do not match predictions of shape \[6,3\].*use sparseCategoricalCrossentropy/,
  );
  dispose([x, oneHot]);
});

test('unknown optimizer, loss and metric names fail at compile and list the valid ones', () => {
  const trainer = new TwoLayer();
  expect(() => trainer.compile({ optimizer: 'adamw2', loss: 'mse' })).toThrow(
    'unknown optimizer "adamw2"; expected one of sgd, adam, adamw, adamax, nadam, rmsprop, adagrad, adadelta, lion, or an Optimizer instance',
  );
  expect(() => trainer.compile({ optimizer: 'adam', loss: 'crossentropy' })).toThrow(
    /unknown loss "crossentropy"; expected one of mean_squared_error \(mse\), .*categorical_hinge, or a Loss instance/,
  );
  expect(() => trainer.compile({ optimizer: 'adam', loss: 'mse', metrics: ['accuracyy'] })).toThrow(
    /unknown metric "accuracyy"; expected one of mean, sum, accuracy/,
  );
  expect(() => trainer.compile({ optimizer: 'adam', loss: 'mse', metric: ['mae'] } as never)).toThrow(
    /compile: unknown option\(s\) metric; the options are optimizer, loss, lossWeights, metrics, weightedMetrics/,
  );
});

test('a NaN loss: TerminateOnNaN stops at that batch and says which', async () => {
  const x = tensor([[1], [1], [1], [NaN], [1], [1]]);
  const y = tensor([[1], [1], [1], [1], [1], [1]]);
  const model = new Wrap(new Dense({ units: 1 }));
  const trainer = model;
  trainer.compile({ optimizer: new SGD({ learningRate: 0.01 }), loss: 'mse' });
  const stop = new TerminateOnNaN();
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const history = await trainer.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0, callbacks: [stop] });
  expect(stop.stoppedAt).toMatchObject({ epoch: 0, batch: 1 });
  expect(log).toHaveBeenCalledWith('Epoch 1, batch 1: invalid loss NaN, terminating training');
  log.mockRestore();
  expect(history.epoch).toEqual([0]);
  dispose([x, y]);
  tidy(() => undefined);
});
