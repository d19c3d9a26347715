import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, tensor, tidy } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { SeparableConv2D } from './separable-conv2d';
import { runLayerTest } from '../../testing';
import { expectMatchesTfjs } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('SeparableConv2D passes runLayerTest', async () => {
  await runLayerTest(SeparableConv2D, {
    options: { filters: 4, kernelSize: 3 },
    inputShape: [2, 5, 5, 3],
    expectedOutputShape: [2, 3, 3, 4],
    expectedTrainableWeights: 3,
  });
  await runLayerTest(SeparableConv2D, {
    options: { filters: 2, kernelSize: [2, 3], depthMultiplier: 2, strides: 2, padding: 'same', useBias: false },
    inputShape: [1, 5, 6, 2],
    expectedOutputShape: [1, 3, 3, 2],
    expectedTrainableWeights: 2,
  });
  await runLayerTest(SeparableConv2D, {
    options: { filters: 3, kernelSize: 2, dilationRate: 2, dataFormat: 'channels_first' },
    inputShape: [1, 2, 5, 5],
    expectedOutputShape: [1, 3, 3, 3],
  });
});

test('SeparableConv2D matches tfjs-layers given the same weights, on cpu and wasm', async () => {
  const cases = [
    { filters: 4, kernelSize: 3 },
    { filters: 2, kernelSize: [2, 3], depthMultiplier: 2, strides: 2, padding: 'same', activation: 'relu' },
    { filters: 3, kernelSize: 2, depthMultiplier: 3, dilationRate: 2, padding: 'same', useBias: false },
  ] as const;
  for (const c of cases) {
    // tfjs refuses gradients of dilated convolutions: those cases compare outputs only.
    await expectMatchesTfjs({
      make: () => new SeparableConv2D({ ...c } as never),
      reference: () => tfl.layers.separableConv2d({ ...c } as never),
      inputGradient: !('dilationRate' in c),
      inputShape: [2, 6, 7, 3],
    });
  }
});

test('SeparableConv2D weights follow Keras: depthwise_kernel, pointwise_kernel, bias', () => {
  const layer = new SeparableConv2D({ filters: 5, kernelSize: [3, 2], depthMultiplier: 2, name: 'sep' });
  tidy(() => layer.apply(tensor(new Array(2 * 4 * 4 * 3).fill(1), [2, 4, 4, 3])));
  expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([
    ['sep/depthwise_kernel', [3, 2, 3, 2]],
    ['sep/pointwise_kernel', [1, 1, 6, 5]],
    ['sep/bias', [5]],
  ]);
  expect(Object.keys(layer.getConfig())).toEqual(
    expect.arrayContaining([
      'depthwiseInitializer',
      'pointwiseInitializer',
      'biasInitializer',
      'pointwiseRegularizer',
      'pointwiseConstraint',
    ]),
  );
  layer.dispose();
  expect(() => new SeparableConv2D({ filters: 2, kernelSize: 3, padding: 'causal' as never })).toThrow(
    /SeparableConv2D: padding must be 'valid', 'same'/,
  );
});
