import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { ZeroPadding2D } from './zero-padding2d';
import { runLayerTest } from '../../testing';
import { expectMatchesTfjs } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('ZeroPadding2D passes runLayerTest', async () => {
  await runLayerTest(ZeroPadding2D, {
    options: {},
    inputShape: [2, 3, 4, 2],
    expectedOutputShape: [2, 5, 6, 2],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(ZeroPadding2D, {
    options: {
      padding: [
        [1, 0],
        [2, 3],
      ],
      dataFormat: 'channels_first',
    },
    inputShape: [1, 2, 3, 4],
    expectedOutputShape: [1, 2, 4, 9],
  });
});

test('ZeroPadding2D matches tfjs-layers on cpu and wasm', async () => {
  for (const padding of [
    1,
    [2, 1],
    [
      [1, 0],
      [2, 3],
    ],
  ] as const) {
    await expectMatchesTfjs({
      make: () => new ZeroPadding2D({ padding }),
      reference: () => tfl.layers.zeroPadding2d({ padding: padding as never }),
      inputShape: [2, 3, 4, 2],
    });
  }
  await expectMatchesTfjs({
    make: () =>
      new ZeroPadding2D({
        padding: [
          [1, 0],
          [2, 3],
        ],
        dataFormat: 'channels_first',
      }),
    reference: () =>
      tfl.layers.zeroPadding2d({
        padding: [
          [1, 0],
          [2, 3],
        ],
        dataFormat: 'channelsFirst',
      }),
    inputShape: [2, 3, 4, 2],
  });
});

test('ZeroPadding2D normalizes its padding as Keras and refuses bad values', () => {
  expect(new ZeroPadding2D({ padding: [2, 1] }).getConfig()).toMatchObject({
    padding: [
      [2, 2],
      [1, 1],
    ],
    dataFormat: 'channels_last',
  });
  expect(new ZeroPadding2D().computeOutputShape([null, null, 4, 2])).toEqual([null, null, 6, 2]);
  expect(() => new ZeroPadding2D({ padding: -1 as never })).toThrow(
    'ZeroPadding2D: padding must be a non-negative integer, a [height, width] pair, or [[top, bottom], [left, right]], received -1',
  );
});
