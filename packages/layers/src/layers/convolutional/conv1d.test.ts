import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, tensor, tidy } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Conv1D } from './conv1d';
import { runLayerTest } from '../../testing';
import { expectMatchesTfjs } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('Conv1D passes runLayerTest', async () => {
  await runLayerTest(Conv1D, {
    options: { filters: 3, kernelSize: 3 },
    inputShape: [2, 7, 2],
    expectedOutputShape: [2, 5, 3],
    expectedTrainableWeights: 2,
  });
  await runLayerTest(Conv1D, {
    options: { filters: 2, kernelSize: 3, padding: 'causal', dilationRate: 2 },
    inputShape: [2, 7, 2],
    expectedOutputShape: [2, 7, 2],
  });
  await runLayerTest(Conv1D, {
    options: { filters: 4, kernelSize: 2, strides: 2, padding: 'same', groups: 2, useBias: false },
    inputShape: [1, 7, 4],
    expectedOutputShape: [1, 4, 4],
    expectedTrainableWeights: 1,
  });
  await runLayerTest(Conv1D, {
    options: { filters: 3, kernelSize: 2, dataFormat: 'channels_first' },
    inputShape: [2, 4, 6],
    expectedOutputShape: [2, 3, 5],
  });
});

test('Conv1D matches tfjs-layers given the same weights, on cpu and wasm', async () => {
  const cases = [
    { filters: 3, kernelSize: 3 },
    { filters: 4, kernelSize: 2, strides: 2, padding: 'same' },
  ] as const;
  for (const c of cases) {
    await expectMatchesTfjs({
      make: () => new Conv1D({ ...c } as never),
      reference: () => tfl.layers.conv1d({ ...c } as never),
      inputShape: [2, 9, 3],
    });
  }
  // tfjs-layers has no 'causal' padding: its reference is a 'valid' conv1d of the input padded at the start.
  await expectMatchesTfjs({
    make: () => new Conv1D({ filters: 2, kernelSize: 3, padding: 'causal', dilationRate: 2, activation: 'relu' }),
    reference: () =>
      tfl.layers.conv1d({ filters: 2, kernelSize: 3, padding: 'valid', dilationRate: 2, activation: 'relu' }),
    referenceInput: (x) =>
      tfc.pad(x, [
        [0, 0],
        [4, 0],
        [0, 0],
      ]),
    inputShape: [2, 9, 3],
    inputGradient: false, // tfjs refuses gradients of dilated convolutions
  });
});

test('Conv1D causal padding: output step t sees only input steps up to t', () => {
  const layer = new Conv1D({ filters: 1, kernelSize: 2, padding: 'causal', kernelInitializer: 'ones', useBias: false });
  const y = tidy(() => layer.apply(tensor([1, 2, 3, 4], [1, 4, 1])));
  expect(Array.from(y.dataSync())).toEqual([1, 3, 5, 7]);
  y.dispose();
  layer.dispose();
});

test('Conv1D weights: kernel [kernelSize, in, filters]; padding is case-insensitive as in Keras', () => {
  const layer = new Conv1D({ filters: 5, kernelSize: 4, padding: 'SAME' as never });
  expect(layer.padding).toBe('same');
  tidy(() => layer.apply(tensor(new Array(2 * 6 * 3).fill(1), [2, 6, 3])));
  expect(layer.weights.map((w) => w.shape)).toEqual([[4, 3, 5], [5]]);
  expect(layer.getConfig()).toMatchObject({
    kernelSize: [4],
    strides: [1],
    dilationRate: [1],
    padding: 'same',
    dataFormat: 'channels_last',
    groups: 1,
  });
  layer.dispose();
  expect(() => new Conv1D({ filters: 2, kernelSize: [2, 2] })).toThrow(
    'Conv1D: kernelSize must be a positive integer or a list of 1 positive integers, received [2,2]',
  );
});
