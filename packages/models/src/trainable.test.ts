// Every kind of model is a Trainer of @strata/training: compile/fit/evaluate are the Trainer's own,
// and a subclass's trainStep override reaches the Trainer's default through super.trainStep.
import { setBackend, cast, dispose, greater, matmul, randomNormal, tensor, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Dense, type CallOptions } from '@strata/layers';
import { input } from '@strata/graph';
import { type StepData, Trainer } from '@strata/training';
import { Functional, Model, Sequential } from './index';

beforeAll(async () => {
  await setBackend(cpu());
});

function plane(n: number): [Tensor, Tensor] {
  return tidy(() => {
    const x = randomNormal([n, 4], { seed: 11 });
    return [x, cast(greater(matmul(x, tensor([[1], [-2], [0.5], [1]])), 0), 'float32')];
  });
}

class Perceptron extends Model {
  hidden = new Dense({ units: 8, activation: 'relu' });
  out = new Dense({ units: 1, activation: 'sigmoid' });
  override call(x: Tensor, { training }: CallOptions = {}): Tensor {
    return this.out.apply(this.hidden.apply(x, { training }));
  }
}

const makers: [string, () => Model][] = [
  [
    'Sequential',
    () =>
      new Sequential([
        input({ shape: [4] }),
        new Dense({ units: 8, activation: 'relu' }),
        new Dense({ units: 1, activation: 'sigmoid' }),
      ]),
  ],
  [
    'Functional',
    () => {
      const x = input({ shape: [4] });
      return new Functional({
        inputs: x,
        outputs: new Dense({ units: 1, activation: 'sigmoid' }).apply(
          new Dense({ units: 8, activation: 'relu' }).apply(x),
        ),
      });
    },
  ],
  [
    'a subclassed Model',
    () => {
      // Built first: the Trainer reads trainableWeights before its first forward pass would build it.
      const m = new Perceptron();
      m.build([null, 4]);
      return m;
    },
  ],
];

describe.each(makers)('%s', (_, make) => {
  it('is a Trainer: it fits itself', async () => {
    const model = make();
    expect(model).toBeInstanceOf(Trainer);
    const trainer: Trainer = model;
    trainer.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
    const [x, y] = plane(64);
    const history = await trainer.fit(x, y, { epochs: 8, batchSize: 16, verbose: 0 });
    const losses = history.history.loss as number[];
    expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
    dispose([x, y]);
    model.dispose();
  });
});

it('a subclass overriding trainStep gets the default step from super.trainStep, with its compiled loss', async () => {
  const seen: number[] = [];
  class Logged extends Perceptron {
    override trainStep(data: StepData): Record<string, Tensor> {
      const logs = super.trainStep(data);
      seen.push(logs.loss.dataSync()[0]);
      return logs;
    }
  }
  const model = new Logged();
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
  const [x, y] = plane(64);
  const history = await model.fit(x, y, { epochs: 2, batchSize: 32, verbose: 0, shuffle: false });
  expect(seen.length).toBe(4);
  // The loss log is the running mean over the epoch's batches: an epoch's is its last batch's.
  expect(history.loss![0]).toBeCloseTo(seen[1], 5);
  expect(history.loss![1]).toBeCloseTo(seen[3], 5);
  expect(model.optimizer!.iterations).toBe(4);
  dispose([x, y]);
  model.dispose();
});

it('takes inputs by name and names its outputs', () => {
  const a = input({ shape: [2], name: 'left' });
  const b = input({ shape: [2], name: 'right' });
  const sum = new Dense({ units: 1, name: 'total' }).apply(a);
  const m = new Functional({
    inputs: [a, b],
    outputs: [sum, new Dense({ units: 3, name: 'parts' }).apply(b)],
    name: 'named_io',
  });
  expect(m.outputNames).toEqual(['total', 'parts']);
  const [xa, xb] = [tensor([[1, 2]]), tensor([[3, 4]])];
  const [s, p] = m.apply({ right: xb, left: xa }) as Tensor[];
  expect([s.shape, p.shape]).toEqual([
    [1, 1],
    [1, 3],
  ]);
  expect(() => m.apply({ left: xa })).toThrow(
    'Model "named_io": model "named_io" has inputs "left", "right"; received keys "left" (missing right)',
  );
  dispose([xa, xb, s, p]);
  m.dispose();
});
