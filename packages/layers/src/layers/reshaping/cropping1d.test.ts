import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, tensor, tidy } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Cropping1D } from './cropping1d';
import { runLayerTest } from '../../testing';
import { expectMatchesTfjs } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('Cropping1D passes runLayerTest', async () => {
  await runLayerTest(Cropping1D, {
    options: {},
    inputShape: [2, 5, 3],
    expectedOutputShape: [2, 3, 3],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(Cropping1D, {
    options: { cropping: [2, 0] },
    inputShape: [1, 4, 2],
    expectedOutputShape: [1, 2, 2],
  });
});

// tfjs-layers has no Cropping1D: the reference is its Cropping2D on a height-1 image.
test('Cropping1D matches tfjs-layers Cropping2D over height-1 images, on cpu and wasm', async () => {
  for (const cropping of [1, [2, 0], [0, 3]] as const) {
    const [a, b] = typeof cropping === 'number' ? [cropping, cropping] : cropping;
    await expectMatchesTfjs({
      make: () => new Cropping1D({ cropping }),
      reference: () =>
        tfl.layers.cropping2D({
          cropping: [
            [0, 0],
            [a, b],
          ],
        }),
      referenceInput: (x) => tfc.expandDims(x, 1),
      referenceOutput: (y) => tfc.squeeze(y, [1]),
      inputShape: [2, 6, 3],
    });
  }
});

test('Cropping1D config, unknown lengths and errors', () => {
  const layer = new Cropping1D({ cropping: [1, 2], name: 'crop1' });
  expect(layer.getConfig()).toMatchObject({ cropping: [1, 2] });
  expect(layer.computeOutputShape([null, null, 3])).toEqual([null, null, 3]);
  expect(() => layer.computeOutputShape([null, 3, 3])).toThrow(
    'Layer "crop1": cropping [[1,2]] must leave something of each cropped axis, but axis 1 of the input shape [null,3,3] has size 3; crop less',
  );
  expect(() => tidy(() => layer.apply(tensor([1, 2, 3, 4, 5, 6], [1, 3, 2])))).toThrow(/crop less/);
});
