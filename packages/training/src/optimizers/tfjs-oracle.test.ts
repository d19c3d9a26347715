// TensorFlow.js's own optimizers, run on the same weights and gradients: an oracle no one here wrote.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { tensor, variable } from '@strata/tensor';
import { useCpu, values, expectClose } from '../testing/setup';
import { SGD, Adam, Adamax, RMSprop, Adagrad, type Optimizer } from './index';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await useCpu();
});

const W0 = [0.5, -1.25, 2, 0.7, -0.3, 3];
const grads = (step: number) => W0.map((_, i) => Math.sin(step * 1.7 + i) * (1 + i * 0.3));

// Gradients here are large enough that where each library adds ε (to √v or to √v̂) does not matter.
const cases: [string, () => Optimizer, () => tf.Optimizer][] = [
  ['sgd', () => new SGD({ learningRate: 0.05 }), () => tf.train.sgd(0.05)],
  ['momentum', () => new SGD({ learningRate: 0.05, momentum: 0.9 }), () => tf.train.momentum(0.05, 0.9)],
  [
    'nesterov',
    () => new SGD({ learningRate: 0.05, momentum: 0.9, nesterov: true }),
    () => tf.train.momentum(0.05, 0.9, true),
  ],
  ['adam', () => new Adam({ learningRate: 0.01 }), () => tf.train.adam(0.01, 0.9, 0.999, 1e-7)],
  ['adamax', () => new Adamax({ learningRate: 0.01 }), () => tf.train.adamax(0.01, 0.9, 0.999, 1e-7)],
  ['rmsprop', () => new RMSprop({ learningRate: 0.01 }), () => tf.train.rmsprop(0.01, 0.9, 0, 1e-7)],
  [
    'rmsprop momentum',
    () => new RMSprop({ learningRate: 0.01, momentum: 0.6 }),
    () => tf.train.rmsprop(0.01, 0.9, 0.6, 1e-7),
  ],
  ['adagrad', () => new Adagrad({ learningRate: 0.1 }), () => tf.train.adagrad(0.1, 0.1)],
];
// Not compared here, because tfjs 4.22 departs from the published rules (formulas.test.ts checks
// them): its Adadelta divides by the RMS of the *previous* E[g²] (Zeiler's eq. 14 uses the current
// one), and its centered RMSprop computes √(E[g²] - E[g]² - ε), subtracting ε (NaN for a zero gradient).

test.each(cases)('%s matches tf.train over ten steps', (_name, makeStrata, makeTf) => {
  const opt = makeStrata();
  const peer = makeTf();
  const w = variable(W0);
  const tw = tf.variable(tf.tensor(W0));
  for (let step = 0; step < 10; step++) {
    const g = grads(step);
    const sg = tensor(g);
    opt.applyGradients([[sg, w]]);
    sg.dispose();
    tf.tidy(() => peer.applyGradients({ [tw.name]: tf.tensor(g) }));
    expectClose(values(w), tw.dataSync(), 2e-5);
  }
  w.dispose();
  opt.dispose();
  tw.dispose();
  peer.dispose();
});
