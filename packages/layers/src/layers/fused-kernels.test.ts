import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients'; // tf.grads, the gradient oracle
import {
  add,
  conv2d,
  dispose,
  matmul,
  memory,
  mul,
  randomNormal,
  sum,
  tidy,
  transpose,
  type Tensor,
} from '@strata/tensor';
import { engine } from '@strata/tensor/internal';
import { GradientTape } from '@strata/autodiff';
import { Dense } from './core/dense';
import { Conv2D } from './convolutional/conv2d';
import { getActivation } from '../activations';
import { fusedActivation } from '../activations/fusable';
import { describeOnBackends, expectClose, toTf } from '../testing/layer-oracle';
import type { Layer } from '../layer';

/**
 * Dense and Conv2D compute activation(x·W + b) with one fused kernel where the activation allows.
 * Checked here: the fused forward equals the unfused ops, and gradients through the layer inside a
 * tape equal TensorFlow.js's tf.grads of the same function written with unfused tfjs ops.
 */
const FUSABLE = ['linear', 'relu', 'relu6', 'elu', 'sigmoid', 'leaky_relu'];

type TfActivation = (x: tfc.Tensor) => tfc.Tensor;
const TF_ACTIVATIONS: Record<string, TfActivation> = {
  linear: (x) => x,
  relu: (x) => tfc.relu(x),
  relu6: (x) => tfc.relu6(x),
  elu: (x) => tfc.elu(x),
  sigmoid: (x) => tfc.sigmoid(x),
  leaky_relu: (x) => tfc.leakyRelu(x, 0.2),
  tanh: (x) => tfc.tanh(x),
};

/** The layer's computation written with unfused Strata ops, from its own weights. */
function unfusedDense(layer: Dense, x: Tensor): Tensor {
  const z = matmul(x, layer.kernel);
  return layer.activation(layer.bias ? add(z, layer.bias) : z);
}

function unfusedConv(layer: Conv2D, x: Tensor): Tensor {
  const z = conv2d(x, layer.kernel, {
    strides: layer.strides as [number, number],
    padding: layer.padding as 'same',
    dilations: layer.dilationRate as [number, number],
  });
  return layer.activation(layer.bias ? add(z, layer.bias) : z);
}

/**
 * Gradients of sum(w * layer(x)) with respect to x, kernel and bias, from a Strata tape and from
 * tfjs's tf.grads of `tfForward`, compared to 1e-4 (a float32 sum over many terms).
 */
async function expectGradientsMatchTfjs(
  layer: Dense | Conv2D,
  x: Tensor,
  tfForward: (x: tfc.Tensor, k: tfc.Tensor, b: tfc.Tensor) => tfc.Tensor,
): Promise<void> {
  const y0 = layer.apply(x) as Tensor; // builds the layer
  const w = randomNormal(y0.shape, { seed: 11 });
  dispose(y0);
  const tape = new GradientTape();
  tape.watch(x);
  const loss = tape.record(() => sum(mul(layer.apply(x) as Tensor, w)));
  const grads = tape.gradient(loss, [x, layer.kernel, layer.bias!]) as Tensor[];
  const [tx, tk, tb, tw] = await Promise.all([x, layer.kernel, layer.bias!, w].map(toTf));
  const want = tfc.grads((a: tfc.Tensor, k: tfc.Tensor, b: tfc.Tensor) => tfc.sum(tfc.mul(tfForward(a, k, b), tw)))([
    tx,
    tk,
    tb,
  ]);
  try {
    for (let i = 0; i < 3; i++) await expectClose(grads[i], want[i], 1e-4);
  } finally {
    dispose([loss, w, ...grads]);
    tfc.dispose([tx, tk, tb, tw, ...want]);
  }
}

test('the fusable activations are exactly the built-ins the fused kernels have', () => {
  expect(FUSABLE.map((a) => fusedActivation(getActivation(a))?.activation)).toEqual([
    'linear',
    'relu',
    'relu6',
    'elu',
    'sigmoid',
    'leakyrelu',
  ]);
  expect(fusedActivation(getActivation('leaky_relu'))?.leakyreluAlpha).toBe(0.2);
  for (const other of ['tanh', 'softmax', 'gelu', 'selu', 'swish'])
    expect(fusedActivation(getActivation(other))).toBeNull();
  expect(fusedActivation(Object.assign((x: Tensor) => x, { activationName: 'relu' }))).toBeNull();
});

/** The ops a layer call runs, by name. */
function opsRun(layer: Layer, x: Tensor): string[] {
  const ops: string[] = [];
  const stop = engine.addObserver({ onOp: (r) => void ops.push(r.op) });
  try {
    dispose(layer.apply(x) as Tensor);
  } finally {
    stop();
  }
  return ops;
}

describeOnBackends('fused Dense and Conv2D', () => {
  it('Dense and Conv2D run one fused op where the activation allows, the unfused ops elsewhere', () => {
    const x = randomNormal([2, 5, 5, 3], { seed: 1 });
    for (const [activation, fused] of [
      ['relu', true],
      ['tanh', false],
    ] as const) {
      const dense = new Dense({ units: 2, activation });
      const conv = new Conv2D({ filters: 2, kernelSize: 3, activation });
      expect(opsRun(dense, x).filter((op) => /matmul|add|relu|tanh/i.test(op))).toEqual(
        fused ? ['fusedMatmul'] : ['matmul', 'add', 'tanh'],
      );
      expect(opsRun(conv, x).filter((op) => /conv|add|relu|tanh/i.test(op))).toEqual(
        fused ? ['fusedConv2d'] : ['conv2d', 'add', 'tanh'],
      );
      dense.dispose();
      conv.dispose();
    }
    dispose(x);
  });

  const cases =
    (layer: () => Layer, input: readonly number[], unfused: (l: never, x: Tensor) => Tensor) => async () => {
      const before = memory().numTensors;
      const l = layer();
      const x = randomNormal(input, { seed: 5 });
      const got = l.apply(x) as Tensor;
      const want = tidy(() => unfused(l as never, x));
      await expectClose(got, want, 1e-5);
      dispose([x, got, want]);
      l.dispose();
      expect(memory().numTensors).toBe(before);
    };

  for (const activation of [...FUSABLE, 'tanh']) {
    it(
      `Dense ${activation} equals the unfused ops`,
      cases(() => new Dense({ units: 7, activation }), [6, 5], unfusedDense),
    );
    it(
      `Conv2D ${activation} equals the unfused ops`,
      cases(() => new Conv2D({ filters: 4, kernelSize: 3, activation }), [2, 6, 6, 3], unfusedConv),
    );
  }
  it(
    'Dense without bias on a sequence equals the unfused ops',
    cases(() => new Dense({ units: 4, activation: 'relu', useBias: false }), [2, 3, 5], unfusedDense),
  );
  it(
    'Conv2D same padding, strides 2, no bias equals the unfused ops',
    cases(
      () => new Conv2D({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu6', useBias: false }),
      [2, 7, 7, 2],
      unfusedConv,
    ),
  );
  it(
    'Conv2D dilated equals the unfused ops',
    cases(
      () => new Conv2D({ filters: 3, kernelSize: 2, dilationRate: 2, activation: 'elu' }),
      [1, 6, 6, 2],
      unfusedConv,
    ),
  );
  it('Conv2D channels_first equals the unfused ops', async () => {
    const l = new Conv2D({ filters: 3, kernelSize: 3, activation: 'relu', dataFormat: 'channels_first' });
    const x = randomNormal([2, 2, 6, 6], { seed: 9 });
    const got = l.apply(x) as Tensor;
    const xl = transpose(x, [0, 2, 3, 1]);
    const wantLast = tidy(() => unfusedConv(l, xl));
    const want = transpose(wantLast, [0, 3, 1, 2]);
    await expectClose(got, want, 1e-5);
    dispose([x, got, xl, wantLast, want]);
    l.dispose();
  });

  for (const activation of FUSABLE) {
    it(`Dense ${activation}: gradients inside a tape match tf.grads`, async () => {
      const layer = new Dense({ units: 4, activation });
      const x = randomNormal([3, 5], { seed: 7 });
      await expectGradientsMatchTfjs(layer, x, (a, k, b) =>
        TF_ACTIVATIONS[activation](tfc.add(tfc.matMul(a as tfc.Tensor2D, k as tfc.Tensor2D), b)),
      );
      dispose(x);
      layer.dispose();
    });
    it(`Conv2D ${activation}: gradients inside a tape match tf.grads`, async () => {
      const layer = new Conv2D({ filters: 3, kernelSize: 2, activation, padding: 'same' });
      const x = randomNormal([2, 4, 4, 2], { seed: 8 });
      await expectGradientsMatchTfjs(layer, x, (a, k, b) =>
        TF_ACTIVATIONS[activation](tfc.add(tfc.conv2d(a as tfc.Tensor4D, k as tfc.Tensor4D, 1, 'same'), b)),
      );
      dispose(x);
      layer.dispose();
    });
  }
});
