import { memory, dispose, tensor, tidy, mul, type Tensor } from '@strata/tensor';
import { useCpu, values } from '../testing/setup';
import { TwoLayer, planeData } from '../testing/models';
import { Dataset } from './dataset';

beforeAll(useCpu);

async function collect(ds: Dataset<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const e of ds) {
    out.push(
      JSON.parse(
        JSON.stringify(e, (_k, v) =>
          v && typeof v === 'object' && 'dtype' in v ? Array.from((v as Tensor).dataSync()) : v,
        ),
      ),
    );
    dispose(e);
  }
  return out;
}

test('fromTensorSlices cuts rows; batch gathers them (one op per tensor); nothing leaks', async () => {
  const x = tensor([
    [1, 2],
    [3, 4],
    [5, 6],
    [7, 8],
    [9, 10],
  ]);
  const y = tensor([0, 1, 0, 1, 1]);
  const before = memory().numTensors;
  const ds = Dataset.fromTensorSlices({ x, y });
  expect(ds.cardinality).toBe(5);
  expect(await collect(ds.take(2))).toEqual([
    { x: [1, 2], y: [0] },
    { x: [3, 4], y: [1] },
  ]);
  const batches = ds.batch(2);
  expect(batches.cardinality).toBe(3);
  expect(await collect(batches)).toEqual([
    { x: [1, 2, 3, 4], y: [0, 1] },
    { x: [5, 6, 7, 8], y: [0, 1] },
    { x: [9, 10], y: [1] },
  ]);
  expect(await collect(ds.batch(2, { dropRemainder: true }))).toHaveLength(2);
  expect(memory().numTensors).toBe(before);
  dispose([x, y]);
});

test('shuffle is seeded, reshuffles each pass, and keeps every element', async () => {
  const ds = Dataset.fromArray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).shuffle(10, { seed: 42 });
  const a = (await ds.toArray()) as number[];
  const b = (await ds.toArray()) as number[];
  expect([...a].sort((p, q) => p - q)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(a).not.toEqual(b);
  const again = (await Dataset.fromArray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    .shuffle(10, { seed: 42 })
    .toArray()) as number[];
  expect(again).toEqual(a);
  const fixed = Dataset.fromArray([0, 1, 2, 3, 4, 5]).shuffle(3, { seed: 1, reshuffleEachIteration: false });
  expect(await fixed.toArray()).toEqual(await fixed.toArray());
});

test('map, repeat, take, skip and prefetch compose; a generator is called anew per pass', async () => {
  let passes = 0;
  const gen = Dataset.fromGenerator(function* () {
    passes++;
    for (let i = 0; i < 4; i++) yield i;
  });
  expect(gen.cardinality).toBeNull();
  const ds = gen
    .map((v) => v * 10)
    .skip(1)
    .repeat(2)
    .take(5)
    .prefetch(2);
  expect(await ds.toArray()).toEqual([10, 20, 30, 10, 20]);
  expect(passes).toBe(2);
  expect(Dataset.fromArray([1, 2, 3]).repeat(3).cardinality).toBe(9);
  expect(Dataset.fromArray([1, 2, 3]).repeat().take(7).cardinality).toBe(7);
});

test('async iterables, JS values batched into tensors, and tensor maps that free what they replace', async () => {
  async function* source() {
    for (let i = 0; i < 3; i++) yield { v: [i, i + 1], label: i };
  }
  const before = memory().numTensors;
  const ds = Dataset.fromAsyncIterable(source()).batch(3);
  expect(await collect(ds)).toEqual([{ v: [0, 1, 1, 2, 2, 3], label: [0, 1, 2] }]);
  const x = tensor([[1], [2], [3], [4]]);
  const doubled = Dataset.fromTensorSlices(x)
    .map((t) => mul(t, 2))
    .batch(4);
  expect(await collect(doubled)).toEqual([[2, 4, 6, 8]]);
  const early = Dataset.fromTensorSlices(x)
    .map((t) => mul(t, 2))
    .shuffle(4, { seed: 1 })
    .take(1);
  expect((await collect(early)).length).toBe(1); // the shuffle buffer's remaining elements are freed
  x.dispose();
  expect(memory().numTensors).toBe(before);
  expect(() => Dataset.fromTensorSlices({ a: tensor([1, 2]), b: tensor([1, 2, 3]) })).toThrow(
    'Dataset.fromTensorSlices: every tensor or array must have the same number of samples (first axis), received 2, 3',
  );
  expect(() => Dataset.fromArray([1]).batch(0)).toThrow(
    'Dataset.batch: batchSize must be a positive integer, received 0',
  );
});

test('fit, evaluate and predict take a Dataset of [x, y] batches; stepsPerEpoch continues across epochs', async () => {
  const [x, y] = planeData(64);
  const model = new TwoLayer({ activation: 'sigmoid' });
  const trainer = model;
  trainer.compile({
    optimizer: { className: 'Adam', config: { learningRate: 0.05 } },
    loss: 'binary_crossentropy',
    metrics: ['accuracy'],
  });
  tidy(() => model.apply(x));
  const train = Dataset.fromTensorSlices([x, y]).shuffle(64, { seed: 3 }).batch(16);
  const before = memory().numTensors;
  const h = await trainer.fit(train, undefined, {
    epochs: 10,
    verbose: 0,
    validationData: Dataset.fromTensorSlices([x, y]).batch(32),
  });
  expect(h.val_accuracy![9]).toBeGreaterThan(0.85);
  const n = trainer.optimizer!.variables.length;
  let steps = 0;
  await trainer.fit(train.repeat(), undefined, {
    epochs: 3,
    stepsPerEpoch: 5,
    verbose: 0,
    callbacks: [
      new (class extends (await import('../callbacks')).Callback {
        override onTrainBatchEnd() {
          steps++;
        }
      })(),
    ],
  });
  expect(steps).toBe(15);
  const logs = await trainer.evaluate(Dataset.fromTensorSlices([x, y]).batch(20));
  expect(logs.accuracy).toBeGreaterThan(0.85);
  const p = (await trainer.predict(Dataset.fromTensorSlices(x).batch(30))) as Tensor;
  expect(p.shape).toEqual([64, 1]);
  expect(values(p).every((v) => v >= 0 && v <= 1)).toBe(true);
  p.dispose();
  expect(memory().numTensors).toBe(before + n);
  await expect(trainer.fit(train, y, { verbose: 0 })).rejects.toThrow(/with a Dataset as x, y must not be given/);
  await expect(trainer.fit(train, undefined, { verbose: 0, batchSize: 4 })).rejects.toThrow(
    /batchSize cannot be used with a Dataset/,
  );
  dispose([x, y]);
  model.dispose();
});
