import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, tensor, tidy } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Flatten } from './flatten';
import { runLayerTest } from '../../testing';
import { expectMatchesTfjs } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('Flatten passes runLayerTest', async () => {
  await runLayerTest(Flatten, {
    options: {},
    inputShape: [2, 3, 4, 5],
    expectedOutputShape: [2, 60],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(Flatten, {
    options: { dataFormat: 'channels_first' },
    inputShape: [2, 3, 4],
    expectedOutputShape: [2, 12],
  });
  await runLayerTest(Flatten, { options: {}, inputShape: [3], expectedOutputShape: [3, 1] });
});

test('Flatten matches tfjs-layers on cpu and wasm', async () => {
  await expectMatchesTfjs({
    make: () => new Flatten(),
    reference: () => tfl.layers.flatten(),
    inputShape: [2, 3, 4, 5],
  });
  await expectMatchesTfjs({
    make: () => new Flatten({ dataFormat: 'channels_first' }),
    reference: () => tfl.layers.flatten({ dataFormat: 'channelsFirst' }),
    inputShape: [2, 3, 4, 5],
  });
});

test('Flatten shapes with unknown dimensions and its config', () => {
  const layer = new Flatten();
  expect(layer.computeOutputShape([null, 3, 4])).toEqual([null, 12]);
  expect(layer.computeOutputShape([2, null, 4])).toEqual([2, null]);
  expect(layer.getConfig()).toMatchObject({ dataFormat: 'channels_last' });
  // Shapes that differ only in their batch flatten alike.
  const y = tidy(() => layer.apply(tensor([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 2])));
  expect(y.shape).toEqual([1, 8]);
  y.dispose();
  expect(() => new Flatten({ dataFormat: 'NHWC' as never })).toThrow(
    `Flatten: dataFormat must be 'channels_last' or 'channels_first', received "NHWC"`,
  );
});
