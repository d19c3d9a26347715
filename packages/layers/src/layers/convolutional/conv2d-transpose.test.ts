import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { dispose, randomNormal, setBackend, tensor, tidy } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Conv2DTranspose } from './conv2d-transpose';
import { runLayerTest } from '../../testing';
import { expectClose, expectMatchesTfjs, strataBackends } from '../../testing/spatial-layer-oracle';
import { transposedConvReference } from './transposed-conv-reference';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('Conv2DTranspose passes runLayerTest', async () => {
  await runLayerTest(Conv2DTranspose, {
    options: { filters: 3, kernelSize: 3 },
    inputShape: [2, 4, 4, 2],
    expectedOutputShape: [2, 6, 6, 3],
    expectedTrainableWeights: 2,
  });
  await runLayerTest(Conv2DTranspose, {
    options: { filters: 2, kernelSize: [3, 2], strides: 2, padding: 'same', useBias: false },
    inputShape: [1, 3, 4, 2],
    expectedOutputShape: [1, 6, 8, 2],
    expectedTrainableWeights: 1,
  });
  await runLayerTest(Conv2DTranspose, {
    options: { filters: 2, kernelSize: 3, strides: 2, outputPadding: 1 },
    inputShape: [1, 3, 3, 2],
    expectedOutputShape: [1, 8, 8, 2],
  });
  await runLayerTest(Conv2DTranspose, {
    options: { filters: 2, kernelSize: 2, dilationRate: 2, activation: 'relu' },
    inputShape: [1, 3, 3, 1],
    expectedOutputShape: [1, 5, 5, 2],
  });
  await runLayerTest(Conv2DTranspose, {
    options: { filters: 2, kernelSize: 3, strides: 2, padding: 'same', dataFormat: 'channels_first' },
    inputShape: [1, 3, 2, 4],
    expectedOutputShape: [1, 2, 4, 8],
  });
});

test('Conv2DTranspose matches tfjs-layers given the same weights, on cpu and wasm', async () => {
  const cases = [
    { filters: 3, kernelSize: 3 },
    { filters: 2, kernelSize: [3, 2], strides: 2, padding: 'same', activation: 'relu' },
    { filters: 2, kernelSize: 2, strides: 3 },
    { filters: 2, kernelSize: 4, strides: [2, 1], padding: 'same', useBias: false },
  ] as const;
  for (const c of cases) {
    await expectMatchesTfjs({
      make: () => new Conv2DTranspose({ ...c } as never),
      reference: () => tfl.layers.conv2dTranspose({ ...c } as never),
      inputShape: [2, 4, 5, 3],
    });
  }
  await expectMatchesTfjs({
    make: () =>
      new Conv2DTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same', dataFormat: 'channels_first' }),
    reference: () =>
      tfl.layers.conv2dTranspose({
        filters: 2,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        dataFormat: 'channelsFirst',
      }),
    inputShape: [2, 3, 4, 5],
  });
});

test('Conv2DTranspose with outputPadding or dilation matches a hand-written reference (tfjs-layers has neither)', async () => {
  const cases = [
    { filters: 2, kernelSize: 3, strides: 2, outputPadding: 1 },
    { filters: 2, kernelSize: 3, strides: 2, padding: 'same', outputPadding: [1, 0] },
    { filters: 2, kernelSize: 4, strides: 3, padding: 'same', outputPadding: 2 },
    { filters: 2, kernelSize: [2, 3], dilationRate: 2, padding: 'same' },
    { filters: 2, kernelSize: 2, dilationRate: [1, 2] },
  ] as const;
  for (const factory of strataBackends()) {
    await setBackend(factory);
    for (const c of cases) {
      const layer = new Conv2DTranspose({ ...c } as never);
      const x = randomNormal([2, 3, 4, 3], { seed: 5 });
      const y = layer.apply(x);
      const [kernel, bias] = await Promise.all(
        layer.getWeights().map(async (w) => {
          const v = { values: Array.from(await w.data()), shape: [...w.shape] };
          w.dispose();
          return v;
        }),
      );
      const want = transposedConvReference(
        { values: Array.from(await x.data()), shape: [...x.shape] },
        kernel,
        bias.values,
        layer,
        y.shape.slice(1, 3) as number[],
      );
      expect(y.shape).toEqual(want.shape);
      expectClose(`Conv2DTranspose ${JSON.stringify(c)} on ${factory.name}`, await y.data(), want.values);
      dispose([x, y]);
      layer.dispose();
    }
  }
  await setBackend(cpu());
});

test('Conv2DTranspose weights follow Keras: kernel [kh, kw, filters, in] then bias', () => {
  const layer = new Conv2DTranspose({ filters: 5, kernelSize: [3, 2] });
  tidy(() => layer.apply(tensor(new Array(2 * 3 * 3 * 4).fill(1), [2, 3, 3, 4])));
  expect(layer.weights.map((w) => w.shape)).toEqual([[3, 2, 5, 4], [5]]);
  expect(layer.getConfig()).toMatchObject({ outputPadding: null, kernelSize: [3, 2], strides: [1, 1] });
  expect(layer.computeOutputShape([null, null, 7, 4])).toEqual([null, null, 8, 5]);
  layer.dispose();
});

test('Conv2DTranspose refuses bad options with messages that say what to fix', () => {
  expect(() => new Conv2DTranspose({ filters: 2, kernelSize: 3, strides: 2, outputPadding: 2 })).toThrow(
    'Conv2DTranspose: each outputPadding must be smaller than its stride, received outputPadding=[2,2] and strides=[2,2]',
  );
  expect(() => new Conv2DTranspose({ filters: 2, kernelSize: 3, strides: 2, dilationRate: 2 })).toThrow(
    /strides > 1 is not supported together with dilationRate > 1/,
  );
  expect(() => new Conv2DTranspose({ filters: 2, kernelSize: 3, padding: 'causal' as never })).toThrow(
    /Conv2DTranspose: padding must be 'valid', 'same'/,
  );
  const even = new Conv2DTranspose({
    filters: 2,
    kernelSize: 2,
    strides: 2,
    padding: 'same',
    outputPadding: [0, 1],
    name: 'even_kernel',
  });
  expect(() => even.computeOutputShape([1, 3, 3, 2])).toThrow(
    /Layer "even_kernel": outputPadding=\[0,1\] .* gives an output of size 4 on spatial axis 0, which a 'same' convolution does not map back to the input size 3/,
  );
});
