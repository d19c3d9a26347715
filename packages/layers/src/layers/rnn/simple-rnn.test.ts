import * as tfl from '@tensorflow/tfjs-layers';
import { dispose, randomNormal } from '@strata/tensor';
import { SimpleRNN } from './index';
import { runLayerTest } from '../../testing';
import { describeOnBackends } from '../../testing/layer-oracle';
import { expectSameAsTfjs, maskedSequences, twinOptions } from '../../testing/recurrent-oracle';

describeOnBackends('SimpleRNN', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(SimpleRNN, {
      options: { units: 3 },
      inputShape: [2, 4, 5],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 3,
    });
    await runLayerTest(SimpleRNN, {
      options: { units: 2, returnSequences: true, returnState: true, activation: 'relu', useBias: false },
      inputShape: [3, 4, 2],
      expectedOutputShape: [
        [3, 4, 2],
        [3, 2],
      ],
      expectedTrainableWeights: 2,
    });
    await runLayerTest(SimpleRNN, {
      options: {
        units: 3,
        goBackwards: true,
        dropout: 0.3,
        recurrentDropout: 0.2,
        seed: 4,
        kernelRegularizer: 'l2',
        recurrentConstraint: 'maxNorm',
        biasInitializer: 'ones',
      },
      inputShape: [2, 3, 4],
      expectedOutputShape: [2, 3],
    });
  });

  test.each([
    [{ units: 4 }],
    [{ units: 3, returnSequences: true }],
    [{ units: 3, returnState: true, goBackwards: true }],
    [{ units: 2, returnSequences: true, goBackwards: true, activation: 'relu', useBias: false }],
  ])('matches tfjs-layers given the same weights (%j)', async (options) => {
    const x = randomNormal([3, 5, 4], { seed: 1 });
    await expectSameAsTfjs(new SimpleRNN(options), tfl.layers.simpleRNN(twinOptions(options, false) as never), x);
    dispose(x);
  });

  test.each([
    [{ units: 3 }],
    [{ units: 3, returnSequences: true, returnState: true }],
    [{ units: 3, returnSequences: true, goBackwards: true }],
  ])('a masked step keeps the state and repeats the output, as tfjs-layers (%j)', async (options) => {
    const { ids, x, mask } = maskedSequences(3, 5, 4);
    await expectSameAsTfjs(new SimpleRNN(options), tfl.layers.simpleRNN(twinOptions(options, false) as never), x, {
      mask,
    });
    dispose([ids, x, mask]);
  });

  test('takes an initial state like tfjs-layers', async () => {
    const x = randomNormal([2, 3, 4], { seed: 2 });
    const h0 = randomNormal([2, 5], { seed: 3 });
    await expectSameAsTfjs(
      new SimpleRNN({ units: 5, returnSequences: true }),
      tfl.layers.simpleRNN(twinOptions({ units: 5, returnSequences: true }, false)),
      x,
      { initialState: [h0] },
    );
    dispose([x, h0]);
  });
});
