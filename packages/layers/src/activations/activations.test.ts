import * as tfc from '@tensorflow/tfjs-core';
import { tensor, tidy, memory, dispose, type Tensor } from '@strata/tensor';
import { getActivation, serializeActivation, type Activation } from './index';
import * as activations from './index';
import { describeEachBackend, expectAllClose, useCpuBackend } from '../testing/core-layer-oracle';

useCpuBackend();

// Wide enough to reach every regime: saturation, the kinks at -3, 0, 3 and 6, and values near 0.
const VALUES = [-12, -6, -3.5, -3, -2, -1, -0.5, -0.1, 0, 0.1, 0.5, 1, 2, 3, 3.5, 6, 7, 12];
const SHAPE = [3, 6];

/** erf to ~1e-12 (series below 3, continued fraction above): the reference for exact gelu. */
function erf(x: number): number {
  if (Math.abs(x) > 3) return Math.sign(x) * (1 - erfcLarge(Math.abs(x)));
  let sum = 0;
  let term = x;
  for (let n = 0; n < 100; n++) {
    sum += term / (2 * n + 1);
    term *= (-x * x) / (n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

function erfcLarge(x: number): number {
  let f = 0;
  for (let n = 60; n >= 1; n--) f = n / 2 / (x + f);
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / (x + f);
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
const relu6 = (x: number) => Math.min(Math.max(x, 0), 6);

/** Formulas, written from Keras 3's definitions, for every activation TensorFlow.js lacks. */
const formulas: Record<string, (x: number) => number> = {
  softsign: (x) => x / (1 + Math.abs(x)),
  hard_sigmoid: (x) => relu6(x + 3) / 6,
  hard_silu: (x) => (x * relu6(x + 3)) / 6,
  silu: (x) => x * sigmoid(x),
  mish: (x) => x * Math.tanh(softplus(x)),
  gelu: (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
  gelu_approximate: (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3))),
  linear: (x) => x,
};

/** TensorFlow.js's own ops for the activations it has. */
const tfjsOps: Record<string, (x: tfc.Tensor) => tfc.Tensor> = {
  relu: (x) => tfc.relu(x),
  relu6: (x) => tfc.relu6(x),
  leaky_relu: (x) => tfc.leakyRelu(x, 0.2),
  elu: (x) => tfc.elu(x),
  selu: (x) => tfc.selu(x),
  sigmoid: (x) => tfc.sigmoid(x),
  tanh: (x) => tfc.tanh(x),
  softplus: (x) => tfc.softplus(x),
  exponential: (x) => tfc.exp(x),
  softmax: (x) => tfc.softmax(x),
  log_softmax: (x) => tfc.logSoftmax(x),
};

async function check(fn: Activation, want: tfc.Tensor | number[]): Promise<void> {
  const before = memory().numTensors;
  const x = tensor(VALUES, SHAPE);
  const y = fn(x);
  await expectAllClose(y, Array.isArray(want) ? { shape: SHAPE, values: want } : want, 1e-5, fn.activationName);
  dispose([x, y]);
  expect(memory().numTensors).toBe(before);
}

describeEachBackend('activations', () => {
  test.each(Object.keys(tfjsOps))('%s matches TensorFlow.js', async (name) => {
    const tx = tfc.tensor(VALUES, SHAPE);
    const want = tfjsOps[name](tx);
    await check(getActivation(name), want);
    tfc.dispose([tx, want]);
  });

  test.each(Object.keys(formulas))('%s matches its formula', async (name) => {
    await check(getActivation(name), VALUES.map(formulas[name]));
  });

  test('every built-in is checked by one of the two tables', () => {
    const checked = new Set([...Object.keys(tfjsOps), ...Object.keys(formulas)]);
    const builtIns = Object.values(activations).filter(
      (v): v is Activation => typeof v === 'function' && 'activationName' in v,
    );
    expect(builtIns.map((a) => a.activationName).filter((n) => !checked.has(n!))).toEqual([]);
  });

  test('activations differentiate and trace like ops (they are written with ops)', () => {
    for (const name of [...Object.keys(tfjsOps), ...Object.keys(formulas)]) {
      const y = tidy(() => getActivation(name)(tensor([[0.5, -1]]))) as Tensor;
      expect(y.shape).toEqual([1, 2]);
      y.dispose();
    }
  });
});

test('activations resolve in any casing, by alias, or as functions, and serialize by Keras name', () => {
  expect(getActivation('leaky_relu')).toBe(activations.leakyRelu);
  expect(getActivation('leakyRelu')).toBe(activations.leakyRelu);
  expect(getActivation('LeakyReLU')).toBe(activations.leakyRelu);
  expect(getActivation('swish')).toBe(activations.silu);
  expect(getActivation('hard_swish')).toBe(activations.hardSilu);
  expect(getActivation(null)).toBe(activations.linear);
  expect(getActivation(undefined)).toBe(activations.linear);
  expect(getActivation('None')).toBe(activations.linear);
  const custom = (x: Tensor) => x;
  expect(getActivation(custom)).toBe(custom);
  expect(serializeActivation(activations.swish)).toBe('silu');
  expect(serializeActivation(getActivation('hardSigmoid'))).toBe('hard_sigmoid');
  expect(() => serializeActivation(custom)).toThrow(
    'cannot serialize the activation function custom: give it an activationName or use a built-in name',
  );
  expect(() => getActivation('relu7')).toThrow(
    /^unknown activation "relu7"; expected one of linear, relu, relu6, leaky_relu, .*, or a function$/,
  );
});
