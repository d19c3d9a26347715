import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, tensor, tidy } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { ZeroPadding1D } from './zero-padding1d';
import { runLayerTest } from '../../testing';
import { expectClose, expectMatchesTfjs, strataBackends } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('ZeroPadding1D passes runLayerTest', async () => {
  await runLayerTest(ZeroPadding1D, {
    options: {},
    inputShape: [2, 3, 4],
    expectedOutputShape: [2, 5, 4],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(ZeroPadding1D, {
    options: { padding: [2, 0], dataFormat: 'channels_first' },
    inputShape: [1, 2, 3],
    expectedOutputShape: [1, 2, 5],
  });
});

// tfjs-layers has no ZeroPadding1D: the reference is its ZeroPadding2D on a height-1 image.
test('ZeroPadding1D matches tfjs-layers ZeroPadding2D over height-1 images, on cpu and wasm', async () => {
  await expectMatchesTfjs({
    make: () => new ZeroPadding1D({ padding: [1, 3] }),
    reference: () =>
      tfl.layers.zeroPadding2d({
        padding: [
          [0, 0],
          [1, 3],
        ],
      }),
    referenceInput: (x) => tfc.expandDims(x, 1),
    referenceOutput: (y) => tfc.squeeze(y, [1]),
    inputShape: [2, 4, 3],
  });
  for (const factory of strataBackends()) {
    await setBackend(factory);
    const y = tidy(() =>
      new ZeroPadding1D({ padding: 1, dataFormat: 'channels_first' }).apply(tensor([1, 2, 3, 4], [1, 2, 2])),
    );
    expectClose(`channels_first ZeroPadding1D on ${factory.name}`, await y.data(), [0, 1, 2, 0, 0, 3, 4, 0]);
    y.dispose();
  }
  await setBackend(cpu());
});

test('ZeroPadding1D config and errors', () => {
  expect(new ZeroPadding1D({ padding: 2 }).getConfig()).toMatchObject({ padding: [2, 2], dataFormat: 'channels_last' });
  expect(new ZeroPadding1D({ padding: [1, 2] }).computeOutputShape([null, null, 3])).toEqual([null, null, 3]);
  expect(() => new ZeroPadding1D({ padding: [1, 2, 3] as never })).toThrow(
    'ZeroPadding1D: padding must be a non-negative integer or a [before, after] pair of them, received [1,2,3]',
  );
});
