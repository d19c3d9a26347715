import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, tensor, tidy } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Conv3DTranspose } from './conv3d-transpose';
import { runLayerTest } from '../../testing';
import { expectMatchesTfjs } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('Conv3DTranspose passes runLayerTest', async () => {
  await runLayerTest(Conv3DTranspose, {
    options: { filters: 3, kernelSize: 2 },
    inputShape: [2, 2, 3, 3, 2],
    expectedOutputShape: [2, 3, 4, 4, 3],
    expectedTrainableWeights: 2,
  });
  await runLayerTest(Conv3DTranspose, {
    options: { filters: 2, kernelSize: 3, strides: 2, padding: 'same', outputPadding: [1, 0, 1], useBias: false },
    inputShape: [1, 2, 2, 3, 2],
    expectedOutputShape: [1, 4, 3, 6, 2],
    expectedTrainableWeights: 1,
  });
  await runLayerTest(Conv3DTranspose, {
    options: { filters: 2, kernelSize: 2, dilationRate: 2, dataFormat: 'channels_first' },
    inputShape: [1, 2, 2, 3, 2],
    expectedOutputShape: [1, 2, 4, 5, 4],
  });
});

test('Conv3DTranspose matches tfjs-layers given the same weights, on cpu and wasm', async () => {
  const cases = [
    { filters: 3, kernelSize: 2 },
    { filters: 2, kernelSize: [2, 3, 3], strides: 2, padding: 'same', activation: 'relu' },
    { filters: 2, kernelSize: 2, strides: [1, 3, 2] },
  ] as const;
  // tfjs has no gradient for Conv3DBackpropInputV2: outputs only (the op's rule is checked in @strata/autodiff).
  for (const c of cases) {
    await expectMatchesTfjs({
      make: () => new Conv3DTranspose({ ...c } as never),
      reference: () => tfl.layers.conv3dTranspose({ ...c } as never),
      inputGradient: false,
      inputShape: [2, 2, 3, 4, 3],
    });
  }
});

test('Conv3DTranspose weights: kernel [kd, kh, kw, filters, in] then bias', () => {
  const layer = new Conv3DTranspose({ filters: 4, kernelSize: [1, 2, 3] });
  tidy(() => layer.apply(tensor(new Array(2 * 2 * 2 * 2 * 3).fill(1), [2, 2, 2, 2, 3])));
  expect(layer.weights.map((w) => w.shape)).toEqual([[1, 2, 3, 4, 3], [4]]);
  layer.dispose();
});
