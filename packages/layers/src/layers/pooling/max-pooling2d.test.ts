import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { MaxPooling2D } from './max-pooling2d';
import { runLayerTest } from '../../testing';
import { expectMatchesTfjs } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('MaxPooling2D passes runLayerTest', async () => {
  await runLayerTest(MaxPooling2D, {
    options: {},
    inputShape: [2, 7, 8, 3],
    expectedOutputShape: [2, 3, 4, 3],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(MaxPooling2D, {
    options: { poolSize: [3, 2], strides: [2, 1], padding: 'same' },
    inputShape: [2, 7, 8, 3],
    expectedOutputShape: [2, 4, 8, 3],
  });
  await runLayerTest(MaxPooling2D, {
    options: { dataFormat: 'channels_first' },
    inputShape: [2, 3, 7, 8],
    expectedOutputShape: [2, 3, 3, 4],
  });
});

test('MaxPooling2D matches tfjs-layers on cpu and wasm', async () => {
  const cases = [
    {},
    { poolSize: [3, 2] },
    { poolSize: [3, 2], strides: [2, 1], padding: 'same' },
    { poolSize: [3, 2], strides: 1 },
  ];
  for (const c of cases) {
    await expectMatchesTfjs({
      make: () => new MaxPooling2D({ ...c } as never),
      reference: () => tfl.layers.maxPooling2d({ ...c } as never),
      inputShape: [2, 7, 8, 3],
    });
  }
  await expectMatchesTfjs({
    make: () => new MaxPooling2D({ dataFormat: 'channels_first', padding: 'same' }),
    reference: () => tfl.layers.maxPooling2d({ dataFormat: 'channelsFirst', padding: 'same' } as never),
    inputShape: [2, 7, 8, 3],
  });
});

test('MaxPooling2D config: strides default to poolSize, lists as Keras; bad options are refused', () => {
  const layer = new MaxPooling2D();
  expect(layer.getConfig()).toMatchObject({
    poolSize: [2, 2],
    strides: [2, 2],
    padding: 'valid',
    dataFormat: 'channels_last',
  });
  expect(layer.computeOutputShape([null, 7, 8, 3])).toEqual([null, 3, 4, 3]);
  expect(() => new MaxPooling2D({ poolSize: [2, 0] })).toThrow(
    'MaxPooling2D: poolSize must be a positive integer or a list of 2 positive integers, received [2,0]',
  );
  expect(() => new MaxPooling2D({ padding: 'full' as never })).toThrow(
    "MaxPooling2D: padding must be 'valid', 'same', received \"full\"",
  );
  expect(() => new MaxPooling2D({ poolSize: 3, name: 'small_pool' }).computeOutputShape([1, 1, 5, 3])).toThrow(
    /Layer "small_pool": the input \(channels last: .*\) is smaller than the window poolSize=/,
  );
});
