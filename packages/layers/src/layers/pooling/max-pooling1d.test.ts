import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { MaxPooling1D } from './max-pooling1d';
import { runLayerTest } from '../../testing';
import { expectMatchesTfjs } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('MaxPooling1D passes runLayerTest', async () => {
  await runLayerTest(MaxPooling1D, {
    options: {},
    inputShape: [2, 9, 3],
    expectedOutputShape: [2, 4, 3],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(MaxPooling1D, {
    options: { poolSize: 3, strides: 2, padding: 'same' },
    inputShape: [2, 9, 3],
    expectedOutputShape: [2, 5, 3],
  });
  await runLayerTest(MaxPooling1D, {
    options: { dataFormat: 'channels_first' },
    inputShape: [2, 3, 9],
    expectedOutputShape: [2, 3, 4],
  });
});

test('MaxPooling1D matches tfjs-layers on cpu and wasm', async () => {
  const cases = [{}, { poolSize: 3 }, { poolSize: 3, strides: 2, padding: 'same' }, { poolSize: 3, strides: 1 }];
  for (const c of cases) {
    await expectMatchesTfjs({
      make: () => new MaxPooling1D({ ...c } as never),
      reference: () => tfl.layers.maxPooling1d({ ...c } as never),
      inputShape: [2, 9, 3],
    });
  }
  // tfjs-layers's 1-D pooling has no dataFormat: its reference runs on the transposed input, transposed back.
  await expectMatchesTfjs({
    make: () => new MaxPooling1D({ dataFormat: 'channels_first', padding: 'same' }),
    reference: () => tfl.layers.maxPooling1d({ padding: 'same' }),
    referenceInput: (x) => tfc.transpose(x, [0, 2, 1]),
    referenceOutput: (y) => tfc.transpose(y, [0, 2, 1]),
    inputShape: [2, 9, 3],
  });
});

test('MaxPooling1D config: strides default to poolSize, lists as Keras; bad options are refused', () => {
  const layer = new MaxPooling1D();
  expect(layer.getConfig()).toMatchObject({
    poolSize: [2],
    strides: [2],
    padding: 'valid',
    dataFormat: 'channels_last',
  });
  expect(layer.computeOutputShape([null, 9, 3])).toEqual([null, 4, 3]);
  expect(() => new MaxPooling1D({ poolSize: [2, 2] })).toThrow(
    'MaxPooling1D: poolSize must be a positive integer or a list of 1 positive integers, received [2,2]',
  );
  expect(() => new MaxPooling1D({ padding: 'full' as never })).toThrow(
    "MaxPooling1D: padding must be 'valid', 'same', received \"full\"",
  );
  expect(() => new MaxPooling1D({ poolSize: 3, name: 'small_pool' }).computeOutputShape([1, 2, 3])).toThrow(
    /Layer "small_pool": the input \(channels last: .*\) is smaller than the window poolSize=/,
  );
});
