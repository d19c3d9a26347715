import * as tfl from '@tensorflow/tfjs-layers';
import { randomNormal } from '@strata/tensor';
import { LeakyReLU } from './leaky-relu';
import { runLayerTest } from '../../testing';
import { compareWithTfjsLayer, describeEachBackend, useCpuBackend } from '../../testing/core-layer-oracle';

useCpuBackend();

describeEachBackend('LeakyReLU', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(LeakyReLU, {
      options: {},
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(LeakyReLU, {
      options: { negativeSlope: 0.1 },
      inputShape: [2, 3, 4],
      expectedOutputShape: [2, 3, 4],
    });
  });

  test.each([undefined, 0, 0.1, 0.3, 1.5])('matches tfjs-layers with negativeSlope=%s', async (negativeSlope) => {
    const x = randomNormal([3, 4], { seed: 11 });
    await compareWithTfjsLayer(
      new LeakyReLU({ negativeSlope }),
      tfl.layers.leakyReLU(negativeSlope === undefined ? {} : { alpha: negativeSlope }),
      x,
    );
    x.dispose();
  });
});

test('LeakyReLU defaults to 0.3 (Keras 3), reads the old name alpha, and validates', () => {
  expect(new LeakyReLU().negativeSlope).toBe(0.3);
  const old = new LeakyReLU({ alpha: 0.2 });
  expect(old.negativeSlope).toBe(0.2);
  expect(old.getConfig()).toMatchObject({ negativeSlope: 0.2 });
  expect(old.getConfig()).not.toHaveProperty('alpha');
  expect(() => new LeakyReLU({ negativeSlope: -1 })).toThrow(
    'LeakyReLU: negativeSlope must be a number >= 0, received -1',
  );
  expect(() => new LeakyReLU({ alpha: 'x' as never })).toThrow('LeakyReLU: alpha must be a number >= 0, received "x"');
  expect(() => new LeakyReLU({ alpha: 0.1, negativeSlope: 0.2 })).toThrow(
    'LeakyReLU: give negativeSlope or its old name alpha, not both',
  );
});
