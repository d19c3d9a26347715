import * as tfl from '@tensorflow/tfjs-layers';
import { dispose, randomNormal } from '@strata/tensor';
import { Minimum } from './minimum';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectSameAsTfjs } from '../../testing/layer-oracle';

describeOnBackends('Minimum', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(Minimum, {
      options: {},
      inputShape: [
        [2, 3],
        [2, 3],
      ],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(Minimum, {
      options: { name: 'minimum_three' },
      inputShape: [
        [2, 3, 4],
        [2, 3, 4],
        [2, 3, 4],
      ],
      expectedOutputShape: [2, 3, 4],
    });
    await runLayerTest(Minimum, {
      options: {},
      inputShape: [
        [2, 1, 4],
        [2, 3, 1],
      ],
      expectedOutputShape: [2, 3, 4],
    });
  });

  test.each([
    [
      [
        [4, 5],
        [4, 5],
      ],
    ],
    [
      [
        [2, 3, 4],
        [2, 3, 4],
        [2, 3, 4],
      ],
    ],
    [
      [
        [2, 4],
        [2, 3, 4],
      ],
    ],
  ])('matches tfjs-layers (%j)', async (shapes) => {
    const inputs = shapes.map((s, i) => randomNormal(s, { seed: i + 1 }));
    await expectSameAsTfjs(new Minimum(), tfl.layers.minimum(), inputs);
    dispose(inputs);
  });
});
