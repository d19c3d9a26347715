import { dispose, memory, randomNormal, tensor, tidy } from '@strata/tensor';
import { Subtract } from './subtract';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose } from '../../testing/layer-oracle';

describeOnBackends('Subtract', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(Subtract, {
      options: {},
      inputShape: [
        [2, 3],
        [2, 3],
      ],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(Subtract, {
      options: {},
      inputShape: [
        [2, 3, 4],
        [2, 4],
      ],
      expectedOutputShape: [2, 3, 4],
    });
  });

  // tfjs-layers 4.22 has no subtract layer: the reference is the difference by hand.
  test('computes inputs[0] - inputs[1] (hand-computed)', async () => {
    const [a, b] = [randomNormal([3, 4], { seed: 1 }), randomNormal([3, 4], { seed: 2 })];
    const y = new Subtract().apply([a, b]);
    const [av, bv] = [await a.data(), await b.data()];
    await expectClose(
      y as never,
      Array.from(av, (v, i) => v - bv[i]),
    );
    dispose([a, b, y]);
  });

  test('takes exactly two inputs', () => {
    const before = memory().numTensors;
    const layer = new Subtract({ name: 'sub_three' });
    expect(() =>
      layer.computeOutputShape([
        [null, 2],
        [null, 2],
        [null, 2],
      ]),
    ).toThrow('Subtract layer "sub_three" must be called on a list of exactly 2 inputs, received 3');
    expect(() => tidy(() => layer.apply([tensor([[1]])]))).toThrow(
      'Subtract layer "sub_three" must be called on a list of exactly 2 inputs, received 1',
    );
    expect(memory().numTensors).toBe(before);
  });
});
