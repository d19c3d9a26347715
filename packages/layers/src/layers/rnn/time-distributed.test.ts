import * as tfl from '@tensorflow/tfjs-layers';
import { dispose, randomNormal, tidy } from '@strata/tensor';
import { LSTM, TimeDistributed } from './index';
import { Dense } from '../core';
import { runLayerTest } from '../../testing';
import { describeOnBackends } from '../../testing/layer-oracle';
import { maskOf } from '../../masking';
import { expectSameAsTfjs, maskedSequences, twinOptions } from '../../testing/recurrent-oracle';

describeOnBackends('TimeDistributed', () => {
  test('passes runLayerTest (the wrapped layer round-trips through its config)', async () => {
    await runLayerTest(TimeDistributed, {
      options: { layer: new Dense({ units: 3 }) },
      inputShape: [2, 4, 5],
      expectedOutputShape: [2, 4, 3],
      expectedTrainableWeights: 2,
    });
    await runLayerTest(TimeDistributed, {
      options: { layer: new Dense({ units: 2, activation: 'relu' }) },
      inputShape: [2, 3, 4, 5],
      expectedOutputShape: [2, 3, 4, 2],
    });
    await runLayerTest(TimeDistributed, {
      options: { layer: new LSTM({ units: 2 }) },
      inputShape: [2, 3, 4, 5],
      expectedOutputShape: [2, 3, 2],
      expectedTrainableWeights: 3,
    });
  });

  test.each([
    [
      'Dense on [batch, time, features]',
      () => new Dense({ units: 3, activation: 'tanh' }),
      () => tfl.layers.dense({ units: 3, activation: 'tanh' }),
      [3, 4, 5],
    ],
    [
      'Dense on [batch, time, rows, features]',
      () => new Dense({ units: 2 }),
      () => tfl.layers.dense({ units: 2 }),
      [2, 3, 4, 5],
    ],
    [
      'LSTM on [batch, time, steps, features]',
      () => new LSTM({ units: 2, returnSequences: true }),
      () => tfl.layers.lstm(twinOptions({ units: 2, returnSequences: true })),
      [2, 3, 4, 3],
    ],
  ] as const)('%s matches tfjs-layers given the same weights', async (_name, make, makeTwin, shape) => {
    const x = randomNormal([...shape], { seed: 1 });
    await expectSameAsTfjs(
      new TimeDistributed({ layer: make() }),
      tfl.layers.timeDistributed({ layer: makeTwin() as never }),
      x,
    );
    dispose(x);
  });

  test('shares one set of weights across steps and passes the mask on', () => {
    const { ids, x, mask } = maskedSequences(2, 3, 4);
    const layer = new TimeDistributed({ layer: new Dense({ units: 2 }) });
    const y = layer.apply(x, { mask });
    expect(layer.weights.map((w) => w.shape)).toEqual([[4, 2], [2]]);
    expect(maskOf(y)).toBe(mask);
    dispose([ids, x, mask, y]);
    layer.dispose();
  });

  test('computeOutputShape keeps unknown batch and time', () => {
    const layer = new TimeDistributed({ layer: new Dense({ units: 7 }) });
    tidy(() => layer.apply(randomNormal([1, 2, 3])));
    expect(layer.computeOutputShape([null, null, 3])).toEqual([null, null, 7]);
    layer.dispose();
  });

  test('clear errors', () => {
    const layer = new TimeDistributed({ layer: new Dense({ units: 2 }) });
    expect(() => layer.apply(randomNormal([2, 3]))).toThrow(/expected min_ndim=3, found ndim=2/);
    expect(() => new TimeDistributed({ layer: 'dense' as never })).toThrow(
      /layer must be a Layer instance or its \{className, config\}, received "dense"/,
    );
    expect(() => new TimeDistributed({} as never)).toThrow(/layer is required/);
    layer.dispose();
  });
});
