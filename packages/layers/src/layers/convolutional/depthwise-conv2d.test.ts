import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { dispose, randomNormal, setBackend, tensor, tidy } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { DepthwiseConv2D } from './depthwise-conv2d';
import { runLayerTest } from '../../testing';
import { expectClose, expectMatchesTfjs, strataBackends } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('DepthwiseConv2D passes runLayerTest', async () => {
  await runLayerTest(DepthwiseConv2D, {
    options: { kernelSize: 3 },
    inputShape: [2, 5, 5, 3],
    expectedOutputShape: [2, 3, 3, 3],
    expectedTrainableWeights: 2,
  });
  await runLayerTest(DepthwiseConv2D, {
    options: { kernelSize: [2, 3], depthMultiplier: 2, strides: 2, padding: 'same', useBias: false },
    inputShape: [1, 5, 6, 2],
    expectedOutputShape: [1, 3, 3, 4],
    expectedTrainableWeights: 1,
  });
  await runLayerTest(DepthwiseConv2D, {
    options: { kernelSize: 2, dilationRate: 2, activation: 'relu' },
    inputShape: [1, 5, 5, 2],
    expectedOutputShape: [1, 3, 3, 2],
  });
  await runLayerTest(DepthwiseConv2D, {
    options: { kernelSize: 3, depthMultiplier: 3, dataFormat: 'channels_first' },
    inputShape: [1, 2, 4, 5],
    expectedOutputShape: [1, 6, 2, 3],
  });
});

test('DepthwiseConv2D matches tfjs-layers given the same weights, on cpu and wasm', async () => {
  const cases = [
    { kernelSize: 3 },
    { kernelSize: [2, 3], depthMultiplier: 2, strides: 2, padding: 'same', activation: 'relu' },
    { kernelSize: 3, depthMultiplier: 2, dataFormat: 'channelsFirst' },
  ] as const;
  for (const c of cases) {
    const options = { ...c, dataFormat: 'dataFormat' in c ? 'channels_first' : undefined };
    await expectMatchesTfjs({
      make: () => new DepthwiseConv2D(options as never),
      reference: () => tfl.layers.depthwiseConv2d({ ...c } as never),
      inputShape: [2, 6, 7, 3],
    });
  }
});

// tfjs-layers's DepthwiseConv2D ignores dilationRate (a TODO in its source): the reference is tfjs's depthwiseConv2d op.
test('DepthwiseConv2D with dilation matches tfjs depthwiseConv2d, on cpu and wasm', async () => {
  for (const factory of strataBackends()) {
    await setBackend(factory);
    const layer = new DepthwiseConv2D({ kernelSize: 2, depthMultiplier: 3, dilationRate: [2, 3], padding: 'same' });
    const x = randomNormal([2, 6, 7, 3], { seed: 3 });
    const y = layer.apply(x);
    const [kernel, bias] = await Promise.all(
      layer.getWeights().map(async (w) => {
        const t = tfc.tensor(await w.data(), [...w.shape]);
        w.dispose();
        return t;
      }),
    );
    const tx = tfc.tensor4d(await x.data(), x.shape as [number, number, number, number]);
    const want = tfc.tidy(() =>
      tfc.add(tfc.depthwiseConv2d(tx, kernel as tfc.Tensor4D, 1, 'same', 'NHWC', [2, 3]), bias),
    );
    expectClose(`dilated DepthwiseConv2D on ${factory.name}`, await y.data(), await want.data());
    tfc.dispose([kernel, bias, tx, want]);
    dispose([x, y]);
    layer.dispose();
  }
  await setBackend(cpu());
});

test('DepthwiseConv2D weights follow Keras 3: kernel [kh, kw, in, depthMultiplier] named "kernel", then bias', () => {
  const layer = new DepthwiseConv2D({ kernelSize: [3, 2], depthMultiplier: 4, name: 'dw' });
  tidy(() => layer.apply(tensor(new Array(2 * 4 * 4 * 3).fill(1), [2, 4, 4, 3])));
  expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([
    ['dw/kernel', [3, 2, 3, 4]],
    ['dw/bias', [12]],
  ]);
  expect(layer.getConfig()).toMatchObject({
    depthMultiplier: 4,
    depthwiseInitializer: { className: 'GlorotUniform' },
    depthwiseRegularizer: null,
    depthwiseConstraint: null,
  });
  layer.dispose();
  expect(() => new DepthwiseConv2D({ kernelSize: 3, depthMultiplier: 0 })).toThrow(
    'DepthwiseConv2D: depthMultiplier must be a positive integer, received 0',
  );
  expect(() => new DepthwiseConv2D({ kernelSize: 3, strides: 2, dilationRate: 2 })).toThrow(
    /DepthwiseConv2D: strides > 1 is not supported together with dilationRate > 1/,
  );
});
