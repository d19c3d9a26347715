import { tensor, variable, memory, dispose } from '@strata/tensor';
import { useCpu, values, expectClose } from '../testing/setup';
import { reference } from '../testing/reference-optimizers';
import {
  SGD,
  Adam,
  AdamW,
  Adamax,
  Nadam,
  RMSprop,
  Adagrad,
  Adadelta,
  Lion,
  getOptimizer,
  type Optimizer,
} from './index';

beforeAll(useCpu);

const W0 = [0.5, -1.25, 2, 0.01, -0.3, 3];
// Gradients of changing sign and scale, one zero, over five steps.
const GRADS = [
  [0.1, -0.2, 0.3, 0, 1.5, -2],
  [-0.4, 0.5, 0.05, 0.2, -1, 0.7],
  [0.3, 0.3, -0.6, -0.01, 0.25, 0.5],
  [1.2, -0.8, 0.9, 0.4, -0.2, -0.1],
  [-0.05, 0.02, 0.4, -0.3, 0.6, 0.9],
];

const cases: [string, () => Optimizer, string, Record<string, number>][] = [
  ['SGD', () => new SGD({ learningRate: 0.1 }), 'sgd', {}],
  ['SGD momentum', () => new SGD({ learningRate: 0.1, momentum: 0.9 }), 'sgd', { momentum: 0.9 }],
  [
    'SGD nesterov',
    () => new SGD({ learningRate: 0.1, momentum: 0.8, nesterov: true }),
    'sgd',
    { momentum: 0.8, nesterov: 1 },
  ],
  ['Adam', () => new Adam({ learningRate: 0.01 }), 'adam', {}],
  [
    'Adam amsgrad',
    () => new Adam({ learningRate: 0.01, amsgrad: true, beta2: 0.9 }),
    'adam',
    { amsgrad: 1, beta2: 0.9 },
  ],
  ['Adamax', () => new Adamax({ learningRate: 0.02 }), 'adamax', {}],
  ['Nadam', () => new Nadam({ learningRate: 0.01 }), 'nadam', {}],
  ['RMSprop', () => new RMSprop({ learningRate: 0.01 }), 'rmsprop', {}],
  [
    'RMSprop momentum centered',
    () => new RMSprop({ learningRate: 0.01, momentum: 0.5, centered: true }),
    'rmsprop',
    { momentum: 0.5, centered: 1 },
  ],
  ['Adagrad', () => new Adagrad({ learningRate: 0.1 }), 'adagrad', {}],
  ['Adadelta', () => new Adadelta({ learningRate: 1 }), 'adadelta', {}],
  ['Lion', () => new Lion({ learningRate: 0.01 }), 'lion', {}],
];

describe.each(cases)('%s follows its published update rule step by step', (_label, make, refName, options) => {
  test('five steps', () => {
    const before = memory().numTensors;
    const opt = make();
    const w = variable(W0);
    const ref = reference[refName](options);
    let want = [...W0];
    const state = {};
    GRADS.forEach((g, step) => {
      const grad = tensor(g);
      opt.applyGradients([[grad, w]]);
      grad.dispose();
      want = ref(want, g, step + 1, opt.getConfig().learningRate as number, state);
      expectClose(values(w), want, 1e-5);
    });
    expect(opt.iterations).toBe(5);
    w.dispose();
    opt.dispose();
    expect(memory().numTensors).toBe(before);
  });
});

test('AdamW is Adam after decoupled weight decay w -= w·wd·lr', () => {
  const opt = new AdamW({ learningRate: 0.01, weightDecay: 0.1 });
  const w = variable(W0);
  const ref = reference.adam({});
  let want = [...W0];
  const state = {};
  GRADS.forEach((g, step) => {
    const grad = tensor(g);
    opt.applyGradients([[grad, w]]);
    grad.dispose();
    want = want.map((x) => x - x * 0.1 * 0.01);
    want = ref(want, g, step + 1, 0.01, state);
    expectClose(values(w), want, 1e-5);
  });
  expect(new AdamW().weightDecay).toBe(0.004);
  dispose([w]);
  opt.dispose();
});

test('optimizers resolve by name in snake_case, camelCase or class name, and list the valid names otherwise', () => {
  expect(getOptimizer('adam')).toBeInstanceOf(Adam);
  expect(getOptimizer('AdamW')).toBeInstanceOf(AdamW);
  expect(getOptimizer('rmsprop')).toBeInstanceOf(RMSprop);
  expect(getOptimizer('RMSprop')).toBeInstanceOf(RMSprop);
  expect(getOptimizer({ className: 'SGD', config: { learningRate: 0.5, momentum: 0.9 } }).learningRate).toBe(0.5);
  expect(() => getOptimizer('adamm')).toThrow(
    'unknown optimizer "adamm"; expected one of sgd, adam, adamw, adamax, nadam, rmsprop, adagrad, adadelta, lion, or an Optimizer instance',
  );
});
