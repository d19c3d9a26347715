import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { dispose, setBackend, tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { UpSampling2D } from './up-sampling2d';
import { runLayerTest } from '../../testing';
import { expectClose, expectMatchesTfjs, strataBackends } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('UpSampling2D passes runLayerTest', async () => {
  await runLayerTest(UpSampling2D, {
    options: {},
    inputShape: [2, 3, 4, 2],
    expectedOutputShape: [2, 6, 8, 2],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(UpSampling2D, {
    options: { size: [1, 3], interpolation: 'bilinear' },
    inputShape: [1, 2, 3, 2],
    expectedOutputShape: [1, 2, 9, 2],
  });
  await runLayerTest(UpSampling2D, {
    options: { size: 2, dataFormat: 'channels_first' },
    inputShape: [1, 2, 3, 4],
    expectedOutputShape: [1, 2, 6, 8],
  });
});

// tfjs's ResizeNearestNeighborGrad is wrong past the first image of a batch, so tfjs-layers checks
// the outputs, and a repetition written with tf.gather checks the gradients.
test('UpSampling2D (nearest) matches tfjs-layers on cpu and wasm', async () => {
  await expectMatchesTfjs({
    make: () => new UpSampling2D({ size: [2, 3] }),
    reference: () => tfl.layers.upSampling2d({ size: [2, 3] }),
    inputGradient: false,
    inputShape: [2, 3, 4, 2],
  });
  await expectMatchesTfjs({
    make: () => new UpSampling2D({ size: 2, dataFormat: 'channels_first' }),
    reference: () => tfl.layers.upSampling2d({ size: [2, 2], dataFormat: 'channelsFirst' }),
    inputGradient: false,
    inputShape: [2, 3, 4, 2],
  });
  const repeat = (n: number, times: number) => Array.from({ length: n * times }, (_, i) => Math.floor(i / times));
  await expectMatchesTfjs({
    make: () => new UpSampling2D({ size: [2, 3] }),
    reference: () => ({
      apply: (x: tfc.Tensor) => tfc.gather(tfc.gather(x, repeat(3, 2), 1), repeat(4, 3), 2),
      setWeights: () => undefined,
    }),
    inputShape: [2, 3, 4, 2],
  });
});

// Keras 3 resizes with tf.image.resize (half-pixel centres); tfjs-layers uses the older TF1 mapping,
// so the reference here is tfjs's resizeBilinear op with halfPixelCenters.
test('UpSampling2D (bilinear) matches tf.image.resize semantics, on cpu and wasm', async () => {
  for (const factory of strataBackends()) {
    await setBackend(factory);
    const values = Array.from({ length: 2 * 3 * 4 * 2 }, (_, i) => Math.sin(i));
    const x = tensor(values, [2, 3, 4, 2]);
    const y = new UpSampling2D({ size: [2, 3], interpolation: 'bilinear' }).apply(x);
    const want = tfc.tidy(() => tfc.image.resizeBilinear(tfc.tensor4d(values, [2, 3, 4, 2]), [6, 12], false, true));
    expect(y.shape).toEqual(want.shape);
    expectClose(`bilinear UpSampling2D on ${factory.name}`, await y.data(), await want.data());
    want.dispose();
    dispose([x, y]);
  }
  await setBackend(cpu());
});

test('UpSampling2D options: interpolation names are checked, the unsupported ones say so', () => {
  expect(new UpSampling2D({ interpolation: 'BILINEAR' as never }).interpolation).toBe('bilinear');
  expect(new UpSampling2D().getConfig()).toMatchObject({
    size: [2, 2],
    dataFormat: 'channels_last',
    interpolation: 'nearest',
  });
  expect(() => new UpSampling2D({ interpolation: 'bicubic' as never })).toThrow(
    "UpSampling2D: interpolation 'bicubic' is not supported yet; use 'nearest' or 'bilinear'",
  );
  expect(() => new UpSampling2D({ interpolation: 'cubic' as never })).toThrow(
    `UpSampling2D: interpolation must be 'nearest' or 'bilinear', received "cubic"`,
  );
  expect(new UpSampling2D({ size: [2, 3] }).computeOutputShape([null, null, 4, 1])).toEqual([null, null, 12, 1]);
});
