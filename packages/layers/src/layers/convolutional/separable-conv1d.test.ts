import * as tfc from '@tensorflow/tfjs-core';
import { dispose, randomNormal, setBackend, tensor, tidy } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { SeparableConv1D } from './separable-conv1d';
import { runLayerTest } from '../../testing';
import { expectClose, strataBackends } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('SeparableConv1D passes runLayerTest', async () => {
  await runLayerTest(SeparableConv1D, {
    options: { filters: 4, kernelSize: 3 },
    inputShape: [2, 7, 3],
    expectedOutputShape: [2, 5, 4],
    expectedTrainableWeights: 3,
  });
  await runLayerTest(SeparableConv1D, {
    options: { filters: 2, kernelSize: 2, depthMultiplier: 2, strides: 2, padding: 'same', useBias: false },
    inputShape: [1, 7, 2],
    expectedOutputShape: [1, 4, 2],
    expectedTrainableWeights: 2,
  });
  await runLayerTest(SeparableConv1D, {
    options: { filters: 3, kernelSize: 2, dilationRate: 2, dataFormat: 'channels_first' },
    inputShape: [1, 2, 6],
    expectedOutputShape: [1, 3, 4],
  });
});

// tfjs-layers has no SeparableConv1D: the reference is tfjs's separableConv2d op over rows of height 1.
test('SeparableConv1D matches tfjs separableConv2d over height-1 images, on cpu and wasm', async () => {
  const cases = [
    { filters: 4, kernelSize: 3 },
    { filters: 2, kernelSize: 2, depthMultiplier: 2, strides: 2, padding: 'same' },
    { filters: 3, kernelSize: 2, dilationRate: 3 },
  ] as const;
  for (const factory of strataBackends()) {
    await setBackend(factory);
    for (const c of cases) {
      const layer = new SeparableConv1D({ ...c, activation: 'relu' } as never);
      const x = randomNormal([2, 9, 3], { seed: 4 });
      const y = layer.apply(x);
      const [depthwise, pointwise, bias] = await Promise.all(
        layer.getWeights().map(async (w) => {
          const t = tfc.tensor(await w.data(), [...w.shape]);
          w.dispose();
          return t;
        }),
      );
      const tx = tfc.tensor(await x.data(), [...x.shape]);
      const want = tfc.tidy(() => {
        const image = tfc.expandDims(tx, 1) as tfc.Tensor4D;
        const z = tfc.separableConv2d(
          image,
          tfc.expandDims(depthwise, 0) as tfc.Tensor4D,
          tfc.expandDims(pointwise, 0) as tfc.Tensor4D,
          [1, layer.strides[0]],
          layer.padding,
          [1, layer.dilationRate[0]],
        );
        return tfc.relu(tfc.add(tfc.squeeze(z, [1]), bias));
      });
      expect(y.shape).toEqual(want.shape);
      expectClose(`SeparableConv1D ${JSON.stringify(c)} on ${factory.name}`, await y.data(), await want.data());
      tfc.dispose([depthwise, pointwise, bias, tx, want]);
      dispose([x, y]);
      layer.dispose();
    }
  }
  await setBackend(cpu());
});

test('SeparableConv1D weights: depthwise_kernel [k, in, mult], pointwise_kernel [1, in * mult, filters], bias', () => {
  const layer = new SeparableConv1D({ filters: 5, kernelSize: 3, depthMultiplier: 2 });
  tidy(() => layer.apply(tensor(new Array(2 * 6 * 4).fill(1), [2, 6, 4])));
  expect(layer.weights.map((w) => w.shape)).toEqual([[3, 4, 2], [1, 8, 5], [5]]);
  layer.dispose();
});
