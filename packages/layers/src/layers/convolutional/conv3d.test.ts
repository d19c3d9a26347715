import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, tensor, tidy } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Conv3D } from './conv3d';
import { runLayerTest } from '../../testing';
import { expectMatchesTfjs } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('Conv3D passes runLayerTest', async () => {
  await runLayerTest(Conv3D, {
    options: { filters: 3, kernelSize: 2 },
    inputShape: [2, 3, 4, 4, 2],
    expectedOutputShape: [2, 2, 3, 3, 3],
    expectedTrainableWeights: 2,
  });
  await runLayerTest(Conv3D, {
    options: { filters: 2, kernelSize: [1, 2, 3], strides: 2, padding: 'same', useBias: false },
    inputShape: [1, 3, 4, 5, 2],
    expectedOutputShape: [1, 2, 2, 3, 2],
    expectedTrainableWeights: 1,
  });
  await runLayerTest(Conv3D, {
    options: { filters: 2, kernelSize: 2, dilationRate: 2, padding: 'same' },
    inputShape: [1, 3, 4, 4, 1],
    expectedOutputShape: [1, 3, 4, 4, 2],
  });
  await runLayerTest(Conv3D, {
    options: { filters: 4, kernelSize: 2, groups: 2 },
    inputShape: [1, 3, 3, 3, 2],
    expectedOutputShape: [1, 2, 2, 2, 4],
  });
  await runLayerTest(Conv3D, {
    options: { filters: 2, kernelSize: 2, dataFormat: 'channels_first' },
    inputShape: [1, 3, 3, 4, 5],
    expectedOutputShape: [1, 2, 2, 3, 4],
  });
});

test('Conv3D matches tfjs-layers given the same weights, on cpu and wasm', async () => {
  const cases = [
    { filters: 3, kernelSize: 2 },
    { filters: 2, kernelSize: [2, 3, 2], strides: [1, 2, 2], padding: 'same', activation: 'relu' },
    { filters: 2, kernelSize: 2, dilationRate: 2, padding: 'same' },
  ] as const;
  for (const c of cases) {
    // tfjs refuses gradients of dilated convolutions: those cases compare outputs only.
    await expectMatchesTfjs({
      make: () => new Conv3D({ ...c } as never),
      reference: () => tfl.layers.conv3d({ ...c } as never),
      inputGradient: !('dilationRate' in c),
      inputShape: [2, 4, 5, 5, 2],
    });
  }
});

test('Conv3D weights: kernel [kd, kh, kw, in, filters] then bias', () => {
  const layer = new Conv3D({ filters: 4, kernelSize: [1, 2, 3] });
  tidy(() => layer.apply(tensor(new Array(2 * 3 * 3 * 3 * 5).fill(1), [2, 3, 3, 3, 5])));
  expect(layer.weights.map((w) => w.shape)).toEqual([[1, 2, 3, 5, 4], [4]]);
  layer.dispose();
  expect(() => new Conv3D({ filters: 2, kernelSize: 3, padding: 'causal' })).toThrow(
    /Conv3D: padding must be 'valid', 'same' \('causal' is for Conv1D only\)/,
  );
});
