import { tensor, dispose, randomNormal } from '@strata/tensor';
import { Identity } from './identity';
import { runLayerTest } from '../../testing';
import { describeEachBackend, expectAllClose } from '../../testing/core-layer-oracle';
import { maskOf, setMask } from '../../masking';

describeEachBackend('Identity', () => {
  test('passes runLayerTest, one input or several', async () => {
    await runLayerTest(Identity, {
      options: {},
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(Identity, {
      options: {},
      inputShape: [
        [2, 3],
        [2, 4, 1],
      ],
      expectedOutputShape: [
        [2, 3],
        [2, 4, 1],
      ],
    });
  });

  test('returns the values in a new tensor the caller owns, with the mask', async () => {
    const x = randomNormal([2, 2], { seed: 1 });
    const mask = tensor([true, false], undefined, 'bool');
    setMask(x, mask);
    const y = new Identity().apply(x);
    expect(y).not.toBe(x);
    expect(maskOf(y)).toBe(mask);
    const values = await x.data();
    x.dispose(); // the output survives its input
    await expectAllClose(y, { shape: [2, 2], values });
    dispose([y, mask]);
  });
});
