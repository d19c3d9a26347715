import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { dispose, randomNormal, setBackend, tensor, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Conv2D } from './conv2d';
import { runLayerTest } from '../../testing';
import { expectClose, expectMatchesTfjs, strataBackends } from '../../testing/spatial-layer-oracle';
import { clearSession } from '../../naming';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('Conv2D passes runLayerTest', async () => {
  await runLayerTest(Conv2D, {
    options: { filters: 3, kernelSize: 3 },
    inputShape: [2, 5, 5, 2],
    expectedOutputShape: [2, 3, 3, 3],
    expectedTrainableWeights: 2,
  });
  await runLayerTest(Conv2D, {
    options: { filters: 4, kernelSize: [2, 3], strides: 2, padding: 'same', useBias: false },
    inputShape: [2, 5, 6, 2],
    expectedOutputShape: [2, 3, 3, 4],
    expectedTrainableWeights: 1,
  });
  await runLayerTest(Conv2D, {
    options: { filters: 2, kernelSize: 2, dilationRate: 2, padding: 'same', activation: 'tanh' },
    inputShape: [1, 5, 5, 3],
    expectedOutputShape: [1, 5, 5, 2],
  });
  await runLayerTest(Conv2D, {
    options: { filters: 4, kernelSize: 3, groups: 2 },
    inputShape: [2, 5, 5, 6],
    expectedOutputShape: [2, 3, 3, 4],
    expectedTrainableWeights: 2,
  });
  await runLayerTest(Conv2D, {
    options: { filters: 3, kernelSize: 3, dataFormat: 'channels_first' },
    inputShape: [2, 2, 5, 4],
    expectedOutputShape: [2, 3, 3, 2],
  });
});

test('Conv2D matches tfjs-layers given the same weights, on cpu and wasm', async () => {
  const cases = [
    { filters: 3, kernelSize: 3 },
    { filters: 4, kernelSize: [2, 3], strides: [2, 1], padding: 'same', activation: 'relu' },
    { filters: 2, kernelSize: 3, dilationRate: 2, padding: 'same' },
    { filters: 2, kernelSize: 2, strides: 2, useBias: false, activation: 'sigmoid' },
  ] as const;
  for (const c of cases) {
    // tfjs refuses gradients of dilated convolutions: those cases compare outputs only.
    await expectMatchesTfjs({
      make: () => new Conv2D({ ...c } as never),
      reference: () => tfl.layers.conv2d({ ...c } as never),
      inputGradient: !('dilationRate' in c),
      inputShape: [2, 6, 7, 3],
    });
  }
  await expectMatchesTfjs({
    make: () => new Conv2D({ filters: 3, kernelSize: 3, strides: 2, dataFormat: 'channels_first' }),
    reference: () => tfl.layers.conv2d({ filters: 3, kernelSize: 3, strides: 2, dataFormat: 'channelsFirst' }),
    inputShape: [2, 2, 7, 6],
  });
});

test('Conv2D with groups convolves each block of channels with its own filters', async () => {
  for (const factory of strataBackends()) {
    await setBackend(factory);
    const layer = new Conv2D({ filters: 4, kernelSize: 3, groups: 2, padding: 'same' });
    const x = randomNormal([2, 5, 5, 6], { seed: 1 });
    const y = layer.apply(x);
    const [kernel, bias] = await Promise.all(
      layer.getWeights().map(async (w) => {
        const t = tfc.tensor(await w.data(), [...w.shape]);
        w.dispose();
        return t;
      }),
    );
    const tx = tfc.tensor4d(await x.data(), x.shape as [number, number, number, number]);
    // The reference, written with tfjs ops: block i of the input with block i of the filters.
    const want = tfc.tidy(() => {
      const xs = tfc.split(tx, 2, 3);
      const ks = tfc.split(kernel, 2, 3) as tfc.Tensor4D[];
      return tfc.add(
        tfc.concat(
          xs.map((part, i) => tfc.conv2d(part as tfc.Tensor4D, ks[i], 1, 'same')),
          3,
        ),
        bias,
      );
    });
    expectClose(`grouped Conv2D on ${factory.name}`, await y.data(), await want.data());
    tfc.dispose([kernel, bias, tx, want]);
    dispose([x, y]);
    layer.dispose();
  }
  await setBackend(cpu());
});

test('Conv2D weights follow Keras: kernel [kh, kw, in / groups, filters] then bias, named by path', () => {
  clearSession();
  const layer = new Conv2D({ filters: 6, kernelSize: [3, 2], groups: 3 });
  tidy(() => layer.apply(tensor(new Array(2 * 4 * 4 * 9).fill(1), [2, 4, 4, 9])));
  expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([
    ['conv2d/kernel', [3, 2, 3, 6]],
    ['conv2d/bias', [6]],
  ]);
  layer.dispose();
});

test('Conv2D computes symbolic output shapes with unknown dimensions', () => {
  const layer = new Conv2D({ filters: 5, kernelSize: 3, strides: 2 });
  expect(layer.computeOutputShape([null, 9, null, 3])).toEqual([null, 4, null, 5]);
  const first = new Conv2D({ filters: 5, kernelSize: 3, padding: 'same', dataFormat: 'channels_first' });
  expect(first.computeOutputShape([null, 3, 8, 7])).toEqual([null, 5, 8, 7]);
});

test('Conv2D refuses bad options and inputs with messages that say what to fix', () => {
  expect(() => new Conv2D({ filters: 0, kernelSize: 3 })).toThrow(
    'Conv2D: filters must be a positive integer, received 0',
  );
  expect(() => new Conv2D({ filters: 2, kernelSize: [3, 0] })).toThrow(
    'Conv2D: kernelSize must be a positive integer or a list of 2 positive integers, received [3,0]',
  );
  expect(() => new Conv2D({ filters: 2, kernelSize: 3, padding: 'causal' })).toThrow(
    "Conv2D: padding must be 'valid', 'same' ('causal' is for Conv1D only), received \"causal\"",
  );
  expect(() => new Conv2D({ filters: 2, kernelSize: 3, strides: 2, dilationRate: 2 })).toThrow(
    /strides > 1 is not supported together with dilationRate > 1, received strides=\[2,2\] and dilationRate=\[2,2\]/,
  );
  expect(() => new Conv2D({ filters: 3, kernelSize: 3, groups: 2 })).toThrow(
    'Conv2D: filters must be divisible by groups, received filters=3 and groups=2',
  );
  expect(() => new Conv2D({ filters: 2, kernelSize: 3, loraRank: 4 as never })).toThrow(
    'Conv2D: loraRank (LoRA) is not supported yet, received 4; leave it unset',
  );
  expect(() => new Conv2D({ filters: 2, kernelSize: 3, dataFormat: 'nchw' as never })).toThrow(
    `Conv2D: dataFormat must be 'channels_last' or 'channels_first', received "nchw"`,
  );
  const grouped = new Conv2D({ filters: 4, kernelSize: 1, groups: 2, name: 'grouped' });
  expect(() => grouped.apply(tensor(new Array(27).fill(0), [1, 3, 3, 3]))).toThrow(
    /Layer "grouped": the input channels must be divisible by groups, received groups=2 and an input of shape \[1,3,3,3\] \(3 channels\)/,
  );
  const layer = new Conv2D({ filters: 2, kernelSize: 3, name: 'conv_small' });
  expect(() => layer.apply(tensor([1, 2, 3], [1, 3]))).toThrow(
    'Input 0 of layer "conv_small" is incompatible: expected ndim=4, found ndim=2, received shape [1,3]',
  );
  expect(() => layer.computeOutputShape([1, 2, 5, 3])).toThrow(
    /Layer "conv_small": the input \(channels last: \[1,2,5,3\]\) is smaller than the window kernelSize=\[3,3\], dilationRate=\[1,1\] with strides=\[1,1\] and padding 'valid'/,
  );
  const built = new Conv2D({ filters: 2, kernelSize: 1, name: 'conv_built' });
  const y = built.apply(tensor(new Array(8).fill(1), [1, 2, 2, 2])) as Tensor;
  y.dispose();
  expect(() => built.apply(tensor(new Array(12).fill(1), [1, 2, 2, 3]))).toThrow(
    'Input 0 of layer "conv_built" is incompatible: expected axis -1 to have value 2, received shape [1,2,2,3]',
  );
  built.dispose();
});

test('Conv2D without options says what it needs', () => {
  expect(() => new Conv2D(undefined as never)).toThrow(
    'Conv2D: expected an options object with filters and kernelSize, received undefined',
  );
  expect(() => new Conv2D(null as never)).toThrow(
    'Conv2D: expected an options object with filters and kernelSize, received null',
  );
});
