import * as tfc from '@tensorflow/tfjs-core';
import { dispose, randomNormal, setBackend, tensor, tidy } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Conv1DTranspose } from './conv1d-transpose';
import { runLayerTest } from '../../testing';
import { expectClose, strataBackends } from '../../testing/spatial-layer-oracle';
import { transposedConvReference } from './transposed-conv-reference';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('Conv1DTranspose passes runLayerTest', async () => {
  await runLayerTest(Conv1DTranspose, {
    options: { filters: 3, kernelSize: 3 },
    inputShape: [2, 5, 2],
    expectedOutputShape: [2, 7, 3],
    expectedTrainableWeights: 2,
  });
  await runLayerTest(Conv1DTranspose, {
    options: { filters: 2, kernelSize: 3, strides: 2, padding: 'same', outputPadding: 1, useBias: false },
    inputShape: [1, 4, 3],
    expectedOutputShape: [1, 8, 2],
    expectedTrainableWeights: 1,
  });
  await runLayerTest(Conv1DTranspose, {
    options: { filters: 2, kernelSize: 2, dilationRate: 3, dataFormat: 'channels_first' },
    inputShape: [1, 3, 4],
    expectedOutputShape: [1, 2, 7],
  });
});

// tfjs-layers has no Conv1DTranspose: the reference is the transposed convolution written as loops.
test('Conv1DTranspose matches a hand-written reference on cpu and wasm', async () => {
  const cases = [
    { filters: 3, kernelSize: 3 },
    { filters: 2, kernelSize: 4, strides: 3, padding: 'same', activation: 'linear' },
    { filters: 2, kernelSize: 2, strides: 3 },
    { filters: 2, kernelSize: 3, strides: 2, outputPadding: 1 },
    { filters: 2, kernelSize: 3, dilationRate: 2, padding: 'same' },
  ] as const;
  for (const factory of strataBackends()) {
    await setBackend(factory);
    for (const c of cases) {
      const layer = new Conv1DTranspose({ ...c } as never);
      const x = randomNormal([2, 5, 3], { seed: 9 });
      const y = layer.apply(x);
      const [kernel, bias] = await Promise.all(
        layer.getWeights().map(async (w) => {
          const v = { values: Array.from(await w.data()), shape: [1, ...w.shape] };
          w.dispose();
          return v;
        }),
      );
      const geometry = {
        strides: [1, layer.strides[0]],
        dilationRate: [1, layer.dilationRate[0]],
        padding: layer.padding,
      };
      const want = transposedConvReference(
        { values: Array.from(await x.data()), shape: [2, 1, 5, 3] },
        kernel,
        bias.values,
        geometry,
        [1, y.shape[1] as number],
      );
      expectClose(`Conv1DTranspose ${JSON.stringify(c)} on ${factory.name}`, await y.data(), want.values);
      dispose([x, y]);
      layer.dispose();
    }
  }
  await setBackend(cpu());
});

test('Conv1DTranspose weights: kernel [kernelSize, filters, in]; Keras output lengths', () => {
  const layer = new Conv1DTranspose({ filters: 4, kernelSize: 2, strides: 3 });
  tidy(() => layer.apply(tensor(new Array(2 * 5 * 3).fill(1), [2, 5, 3])));
  expect(layer.weights.map((w) => w.shape)).toEqual([[2, 4, 3], [4]]);
  // valid with a stride larger than the kernel: (n - 1) * stride + max(kernel, stride).
  expect(layer.computeOutputShape([null, 5, 3])).toEqual([null, 15, 4]);
  expect(layer.computeOutputShape([null, null, 3])).toEqual([null, null, 4]);
  layer.dispose();
});
