import * as tfl from '@tensorflow/tfjs-layers';
import { dispose, randomNormal, randomUniform, tensor } from '@strata/tensor';
import { Rescaling } from './rescaling';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose, expectSameAsTfjs, traceShape } from '../../testing/layer-oracle';

describeOnBackends('Rescaling', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(Rescaling, {
      options: { scale: 1 / 255 },
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(Rescaling, {
      options: { scale: [1, 2, 3], offset: [0, -1, 1] },
      inputShape: [2, 4, 3],
      expectedOutputShape: [2, 4, 3],
    });
    await runLayerTest(Rescaling, {
      options: { scale: 0.5, offset: -1 },
      inputShape: [2, 3],
      inputDtype: 'int32',
      maxInt: 255,
    });
  });

  test.each([[{ scale: 1 / 255 }], [{ scale: 2, offset: -1 }], [{ scale: -0.5, offset: 3 }]])(
    'matches tfjs-layers (%j)',
    async (options) => {
      const x = randomUniform([2, 3, 4], { minval: 0, maxval: 255, seed: 3 });
      await expectSameAsTfjs(new Rescaling(options), tfl.layers.rescaling(options), x);
      const ints = randomUniform([5], { minval: 0, maxval: 255, dtype: 'int32', seed: 4 });
      await expectSameAsTfjs(new Rescaling(options), tfl.layers.rescaling(options), ints);
      dispose([x, ints]);
    },
  );

  // tfjs-layers takes scalar factors only: per-channel factors are checked by hand.
  test('per-channel factors broadcast against the last axis (hand-computed)', async () => {
    const x = randomNormal([2, 2, 3], { seed: 1 });
    const y = new Rescaling({ scale: [1, 10, 100], offset: [0.5, 0, -1] }).apply(x);
    const values = await x.data();
    await expectClose(
      y,
      Array.from(values, (v, i) => v * [1, 10, 100][i % 3] + [0.5, 0, -1][i % 3]),
    );
    dispose([x, y]);
  });

  test('options are checked', () => {
    expect(() => new Rescaling({} as never)).toThrow(
      'Rescaling: scale must be a finite number or a non-empty array of finite numbers (one per channel), received undefined',
    );
    expect(() => new Rescaling({ scale: 1, offset: [] })).toThrow(
      'Rescaling: offset must be a finite number or a non-empty array of finite numbers (one per channel), received []',
    );
    const x = tensor([[1, 2]]);
    expect(() => new Rescaling({ scale: [1, 2, 3] }).apply(x)).toThrow(/shapes cannot be broadcast together/);
    dispose(x);
  });

  test('traces with unknown sizes', () => {
    expect(traceShape(new Rescaling({ scale: [1, 2, 3], offset: 1 }), [null, null, 3])).toEqual([null, null, 3]);
  });
});
