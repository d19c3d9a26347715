import * as tfc from '@tensorflow/tfjs-core';
import { dispose, randomNormal, setBackend, tensor, tidy } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { DepthwiseConv1D } from './depthwise-conv1d';
import { runLayerTest } from '../../testing';
import { expectClose, strataBackends } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('DepthwiseConv1D passes runLayerTest', async () => {
  await runLayerTest(DepthwiseConv1D, {
    options: { kernelSize: 3 },
    inputShape: [2, 7, 3],
    expectedOutputShape: [2, 5, 3],
    expectedTrainableWeights: 2,
  });
  await runLayerTest(DepthwiseConv1D, {
    options: { kernelSize: 2, depthMultiplier: 2, strides: 2, padding: 'same', useBias: false },
    inputShape: [1, 7, 2],
    expectedOutputShape: [1, 4, 4],
    expectedTrainableWeights: 1,
  });
  await runLayerTest(DepthwiseConv1D, {
    options: { kernelSize: 2, dilationRate: 2, dataFormat: 'channels_first' },
    inputShape: [1, 2, 6],
    expectedOutputShape: [1, 2, 4],
  });
});

// tfjs-layers has no DepthwiseConv1D: the reference is tfjs's depthwiseConv2d op over rows of height 1.
test('DepthwiseConv1D matches tfjs depthwiseConv2d over height-1 images, on cpu and wasm', async () => {
  const cases = [
    { kernelSize: 3 },
    { kernelSize: 2, depthMultiplier: 2, strides: 2, padding: 'same' },
    { kernelSize: 2, depthMultiplier: 3, dilationRate: 3 },
  ] as const;
  for (const factory of strataBackends()) {
    await setBackend(factory);
    for (const c of cases) {
      const layer = new DepthwiseConv1D({ ...c, activation: 'tanh' } as never);
      const x = randomNormal([2, 9, 3], { seed: 2 });
      const y = layer.apply(x);
      const [kernel, bias] = await Promise.all(
        layer.getWeights().map(async (w) => {
          const t = tfc.tensor(await w.data(), [...w.shape]);
          w.dispose();
          return t;
        }),
      );
      const tx = tfc.tensor(await x.data(), [...x.shape]);
      const s = layer.strides[0];
      const d = layer.dilationRate[0];
      const want = tfc.tidy(() =>
        tfc.tanh(
          tfc.add(
            tfc.squeeze(
              tfc.depthwiseConv2d(
                tfc.expandDims(tx, 1) as tfc.Tensor4D,
                tfc.expandDims(kernel, 0) as tfc.Tensor4D,
                [1, s],
                layer.padding,
                'NHWC',
                [1, d],
              ),
              [1],
            ),
            bias,
          ),
        ),
      );
      expect(y.shape).toEqual(want.shape);
      expectClose(`DepthwiseConv1D ${JSON.stringify(c)} on ${factory.name}`, await y.data(), await want.data());
      tfc.dispose([kernel, bias, tx, want]);
      dispose([x, y]);
      layer.dispose();
    }
  }
  await setBackend(cpu());
});

test('DepthwiseConv1D weights: kernel [kernelSize, in, depthMultiplier] then bias [in * depthMultiplier]', () => {
  const layer = new DepthwiseConv1D({ kernelSize: 4, depthMultiplier: 2 });
  tidy(() => layer.apply(tensor(new Array(2 * 6 * 3).fill(1), [2, 6, 3])));
  expect(layer.weights.map((w) => w.shape)).toEqual([[4, 3, 2], [6]]);
  expect(layer.computeOutputShape([null, null, 3])).toEqual([null, null, 6]);
  layer.dispose();
});
