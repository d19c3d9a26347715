import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Cropping2D } from './cropping2d';
import { runLayerTest } from '../../testing';
import { expectMatchesTfjs } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('Cropping2D passes runLayerTest', async () => {
  await runLayerTest(Cropping2D, {
    options: { cropping: 1 },
    inputShape: [2, 4, 5, 2],
    expectedOutputShape: [2, 2, 3, 2],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(Cropping2D, {
    options: {
      cropping: [
        [1, 0],
        [0, 2],
      ],
      dataFormat: 'channels_first',
    },
    inputShape: [1, 2, 4, 5],
    expectedOutputShape: [1, 2, 3, 3],
  });
  await runLayerTest(Cropping2D, { options: {}, inputShape: [1, 2, 3, 1], expectedOutputShape: [1, 2, 3, 1] });
});

test('Cropping2D matches tfjs-layers on cpu and wasm', async () => {
  for (const cropping of [
    1,
    [2, 1],
    [
      [1, 0],
      [0, 2],
    ],
  ] as const) {
    await expectMatchesTfjs({
      make: () => new Cropping2D({ cropping }),
      reference: () => tfl.layers.cropping2D({ cropping: cropping as never }),
      inputShape: [2, 5, 6, 2],
    });
  }
  await expectMatchesTfjs({
    make: () =>
      new Cropping2D({
        cropping: [
          [1, 0],
          [0, 2],
        ],
        dataFormat: 'channels_first',
      }),
    reference: () =>
      tfl.layers.cropping2D({
        cropping: [
          [1, 0],
          [0, 2],
        ],
        dataFormat: 'channelsFirst',
      }),
    inputShape: [2, 3, 5, 6],
  });
});

test('Cropping2D works with unknown sizes and refuses a crop that leaves nothing', () => {
  const layer = new Cropping2D({
    cropping: [
      [1, 2],
      [0, 1],
    ],
    name: 'crop',
  });
  expect(layer.computeOutputShape([null, null, 5, 3])).toEqual([null, null, 4, 3]);
  expect(layer.getConfig()).toMatchObject({
    cropping: [
      [1, 2],
      [0, 1],
    ],
    dataFormat: 'channels_last',
  });
  expect(() => layer.apply(tensor(new Array(15).fill(1), [1, 3, 5, 1]))).toThrow(
    'Layer "crop": cropping [[1,2],[0,1]] must leave something of each cropped axis, but axis 1 of the input shape [1,3,5,1] has size 3; crop less',
  );
  expect(() => new Cropping2D({ cropping: [1, 2, 3] as never })).toThrow(
    /Cropping2D: cropping must be a non-negative integer, a \[height, width\] pair, or \[\[top, bottom\], \[left, right\]\], received \[1,2,3\]/,
  );
});
