import * as tfl from '@tensorflow/tfjs-layers';
import { dispose, randomNormal, tidy } from '@strata/tensor';
import { LSTM, LSTMCell } from './index';
import { runLayerTest } from '../../testing';
import { describeOnBackends } from '../../testing/layer-oracle';
import { expectSameAsTfjs, maskedSequences, twinOptions } from '../../testing/recurrent-oracle';

describeOnBackends('LSTM', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(LSTM, {
      options: { units: 3 },
      inputShape: [2, 4, 5],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 3,
    });
    await runLayerTest(LSTM, {
      options: { units: 2, returnSequences: true, returnState: true, unitForgetBias: false, useBias: false },
      inputShape: [3, 4, 2],
      expectedOutputShape: [
        [3, 4, 2],
        [3, 2],
        [3, 2],
      ],
      expectedTrainableWeights: 2,
    });
    await runLayerTest(LSTM, {
      options: {
        units: 3,
        goBackwards: true,
        dropout: 0.25,
        recurrentDropout: 0.5,
        seed: 1,
        recurrentRegularizer: 'l1',
        biasConstraint: 'nonNeg',
        implementation: 1,
      },
      inputShape: [2, 3, 4],
      expectedOutputShape: [2, 3],
    });
  });

  test('LSTMCell passes runLayerTest on its own: apply([x, h, c]) gives [output, h, c]', async () => {
    await runLayerTest(LSTMCell, {
      options: { units: 3 },
      inputShape: [
        [2, 4],
        [2, 3],
        [2, 3],
      ],
      expectedOutputShape: [
        [2, 3],
        [2, 3],
        [2, 3],
      ],
      expectedTrainableWeights: 3,
    });
  });

  test('weights follow Keras: kernel [in, 4u], recurrent_kernel [u, 4u], bias [4u] with the forget gate at one', async () => {
    const layer = new LSTM({ units: 2 });
    tidy(() => layer.apply(randomNormal([1, 2, 3])));
    expect(layer.weights.map((w) => [layer.cell.weightName(w), w.shape])).toEqual([
      ['kernel', [3, 8]],
      ['recurrent_kernel', [2, 8]],
      ['bias', [8]],
    ]);
    expect(Array.from(await layer.cell.bias!.data())).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
    layer.dispose();
  });

  test('the regularizers, constraints and trainable flag of the cell reach the layer', () => {
    const layer = new LSTM({
      units: 2,
      kernelRegularizer: 'l2',
      recurrentRegularizer: 'l1',
      recurrentConstraint: 'maxNorm',
      trainable: false,
    });
    tidy(() => layer.apply(randomNormal([1, 2, 3])));
    expect(layer.losses).toHaveLength(0); // frozen weights add no penalty
    expect(layer.trainableWeights).toHaveLength(0);
    layer.trainable = true;
    const losses = layer.losses;
    expect(losses).toHaveLength(2);
    expect(layer.cell.recurrentKernel.constraint).toBeDefined();
    dispose(losses);
    layer.dispose();
  });

  test.each([
    [{ units: 4 }],
    [{ units: 3, returnSequences: true, unitForgetBias: false }],
    [{ units: 3, returnState: true, goBackwards: true }],
    [
      {
        units: 2,
        returnSequences: true,
        returnState: true,
        activation: 'relu',
        recurrentActivation: 'tanh',
        useBias: false,
      },
    ],
  ])('matches tfjs-layers given the same weights (%j)', async (options) => {
    const x = randomNormal([3, 5, 4], { seed: 1 });
    await expectSameAsTfjs(new LSTM(options), tfl.layers.lstm(twinOptions(options) as never), x);
    dispose(x);
  });

  test.each([
    [{ units: 3 }],
    [{ units: 3, returnSequences: true, returnState: true }],
    [{ units: 3, returnSequences: true, goBackwards: true }],
  ])('a masked step keeps h and c and repeats the output, as tfjs-layers (%j)', async (options) => {
    const { ids, x, mask } = maskedSequences(3, 5, 4);
    await expectSameAsTfjs(new LSTM(options), tfl.layers.lstm(twinOptions(options) as never), x, { mask });
    dispose([ids, x, mask]);
  });

  test('takes initial states [h, c] like tfjs-layers', async () => {
    const x = randomNormal([2, 3, 4], { seed: 2 });
    const states = [randomNormal([2, 5], { seed: 3 }), randomNormal([2, 5], { seed: 4 })];
    const options = { units: 5, returnState: true };
    await expectSameAsTfjs(new LSTM(options), tfl.layers.lstm(twinOptions(options)), x, { initialState: states });
    dispose([x, states]);
  });

  test('rejects bad options with what was expected', () => {
    expect(() => new LSTM({ units: 0 })).toThrow(/LSTMCell: units must be a positive integer, received 0/);
    expect(() => new LSTM({ units: 2, dropout: 1 })).toThrow(/dropout must be a number in \[0, 1\), received 1/);
    expect(() => new LSTM({ units: 2, implementation: 3 })).toThrow(/implementation must be 1 or 2, received 3/);
    expect(() => new LSTM({ units: 2, returnSequences: 'yes' as never })).toThrow(
      /returnSequences must be true or false, received "yes"/,
    );
  });
});
