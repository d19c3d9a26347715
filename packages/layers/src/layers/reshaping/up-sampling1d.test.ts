import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { dispose, setBackend, tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { UpSampling1D } from './up-sampling1d';
import { runLayerTest } from '../../testing';
import { expectClose, expectMatchesTfjs, strataBackends } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('UpSampling1D passes runLayerTest', async () => {
  await runLayerTest(UpSampling1D, {
    options: {},
    inputShape: [2, 3, 4],
    expectedOutputShape: [2, 6, 4],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(UpSampling1D, { options: { size: 3 }, inputShape: [1, 2, 2], expectedOutputShape: [1, 6, 2] });
});

// tfjs-layers has no UpSampling1D: the reference is the repetition written out by hand.
test('UpSampling1D repeats each step in place, on cpu and wasm', async () => {
  for (const factory of strataBackends()) {
    await setBackend(factory);
    const x = tensor([1, 2, 3, 4, 5, 6], [1, 3, 2]);
    const y = new UpSampling1D({ size: 2 }).apply(x);
    expect(y.shape).toEqual([1, 6, 2]);
    expectClose(`UpSampling1D on ${factory.name}`, await y.data(), [1, 2, 1, 2, 3, 4, 3, 4, 5, 6, 5, 6]);
    dispose([x, y]);
  }
  await setBackend(cpu());
  // tfjs-layers's UpSampling2D with size [1, n] on a height-1 image is the same function (its
  // gradient is wrong past the first sample of a batch: a tf.gather repetition checks gradients).
  await expectMatchesTfjs({
    make: () => new UpSampling1D({ size: 3 }),
    reference: () => tfl.layers.upSampling2d({ size: [1, 3] }),
    referenceInput: (x) => tfc.expandDims(x, 1),
    referenceOutput: (y) => tfc.squeeze(y, [1]),
    inputGradient: false,
    inputShape: [2, 4, 3],
  });
  await expectMatchesTfjs({
    make: () => new UpSampling1D({ size: 3 }),
    reference: () => ({
      apply: (x: tfc.Tensor) => tfc.gather(x, [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3], 1),
      setWeights: () => undefined,
    }),
    inputShape: [2, 4, 3],
  });
});

test('UpSampling1D shapes and options', () => {
  expect(new UpSampling1D({ size: 4 }).computeOutputShape([null, null, 3])).toEqual([null, null, 3]);
  expect(new UpSampling1D({ size: 4 }).computeOutputShape([null, 5, 3])).toEqual([null, 20, 3]);
  expect(new UpSampling1D().getConfig()).toMatchObject({ size: 2 });
  expect(() => new UpSampling1D({ size: 0 })).toThrow('UpSampling1D: size must be a positive integer, received 0');
});
