// Models are what @strata/training's Trainer trains (its `Trainable`): checked here with the Trainer
// itself, so Model can delegate compile/fit/evaluate to one.
import { setBackend, cast, dispose, greater, matmul, randomNormal, tensor, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Dense, type CallOptions } from '@strata/layers';
import { input } from '@strata/graph';
import { Trainer, type Trainable } from '@strata/training';
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
  ['Sequential', () => new Sequential([input({ shape: [4] }), new Dense({ units: 8, activation: 'relu' }), new Dense({ units: 1, activation: 'sigmoid' })])],
  [
    'Functional',
    () => {
      const x = input({ shape: [4] });
      return new Functional({ inputs: x, outputs: new Dense({ units: 1, activation: 'sigmoid' }).apply(new Dense({ units: 8, activation: 'relu' }).apply(x)) });
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
  it('is Trainable: the Trainer fits it', async () => {
    const model = make();
    const trainable: Trainable = model;
    const trainer = new Trainer(trainable);
    trainer.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
    const [x, y] = plane(64);
    const history = await trainer.fit(x, y, { epochs: 8, batchSize: 16, verbose: 0 });
    const losses = history.history.loss as number[];
    expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
    dispose([x, y]);
    trainer.dispose();
    model.dispose();
  });
});

it('takes inputs by name and names its outputs', () => {
  const a = input({ shape: [2], name: 'left' });
  const b = input({ shape: [2], name: 'right' });
  const sum = new Dense({ units: 1, name: 'total' }).apply(a);
  const m = new Functional({ inputs: [a, b], outputs: [sum, new Dense({ units: 3, name: 'parts' }).apply(b)], name: 'named_io' });
  expect(m.outputNames).toEqual(['total', 'parts']);
  const [xa, xb] = [tensor([[1, 2]]), tensor([[3, 4]])];
  const [s, p] = m.apply({ right: xb, left: xa }) as Tensor[];
  expect([s.shape, p.shape]).toEqual([[1, 1], [1, 3]]);
  expect(() => m.apply({ left: xa })).toThrow('Model "named_io": model "named_io" has inputs "left", "right"; received keys "left" (missing right)');
  dispose([xa, xb, s, p]);
  m.dispose();
});
