import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { randomNormal, dispose, memory } from '@strata/tensor';
import { ActivityRegularization } from './activity-regularization';
import { runLayerTest } from '../../testing';
import { describeEachBackend, expectAllClose, toTfjs, useCpuBackend } from '../../testing/core-layer-oracle';

useCpuBackend();

describeEachBackend('ActivityRegularization', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(ActivityRegularization, {
      options: { l1: 0.1, l2: 0.2 },
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 0,
    });
  });

  test.each([
    [0.01, 0],
    [0, 0.02],
    [0.3, 0.5],
  ])('adds l1=%s, l2=%s of its output as tfjs-layers regularizers.l1l2 computes it', async (l1, l2) => {
    const layer = new ActivityRegularization({ l1, l2 });
    const x = randomNormal([3, 4], { seed: 8 });
    const y = layer.apply(x);
    await expectAllClose(y, { shape: [3, 4], values: await x.data() });
    const losses = layer.losses;
    expect(losses).toHaveLength(1);
    const tx = await toTfjs(x);
    const want = tfl.regularizers.l1l2({ l1, l2 }).apply(tx);
    await expectAllClose(losses[0], want);
    tfc.dispose([tx, want]);
    dispose([x, y]);
    layer.dispose();
  });

  test('replaces its loss at each call and frees it with the layer', () => {
    const before = memory().numTensors;
    const layer = new ActivityRegularization({ l2: 1 });
    const x = randomNormal([2, 2], { seed: 1 });
    dispose([layer.apply(x), layer.apply(x)]);
    expect(layer.losses).toHaveLength(1);
    x.dispose();
    layer.dispose();
    expect(memory().numTensors).toBe(before);
  });
});

test('ActivityRegularization config holds l1 and l2, not a regularizer', () => {
  const config = new ActivityRegularization({ l1: 0.5 }).getConfig();
  expect(config).toMatchObject({ l1: 0.5, l2: 0 });
  expect(config).not.toHaveProperty('activityRegularizer');
  expect(() => new ActivityRegularization({ l1: -1 })).toThrow(
    'ActivityRegularization: l1 must be a number >= 0, received -1',
  );
  expect(() => new ActivityRegularization({ l2: 'big' as never })).toThrow(
    'ActivityRegularization: l2 must be a number >= 0, received "big"',
  );
});
