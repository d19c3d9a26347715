import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { dispose, randomNormal, tidy, type Tensor } from '@strata/tensor';
import { Bidirectional, GRU, LSTM, SimpleRNN, type MergeMode } from './index';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose, toTf } from '../../testing/layer-oracle';
import { maskOf } from '../../masking';
import { expectSameAsTfjs, maskedSequences, twinOptions } from '../../testing/recurrent-oracle';

describeOnBackends('Bidirectional', () => {
  test('passes runLayerTest (the wrapped layers round-trip through their configs)', async () => {
    await runLayerTest(Bidirectional, {
      options: { layer: new LSTM({ units: 3 }) },
      inputShape: [2, 4, 5],
      expectedOutputShape: [2, 6],
      expectedTrainableWeights: 6,
    });
    await runLayerTest(Bidirectional, {
      options: { layer: new GRU({ units: 2, returnSequences: true, returnState: true }), mergeMode: 'sum' },
      inputShape: [2, 3, 4],
      expectedOutputShape: [
        [2, 3, 2],
        [2, 2],
        [2, 2],
      ],
    });
    await runLayerTest(Bidirectional, {
      options: {
        layer: new SimpleRNN({ units: 2, returnSequences: true }),
        backwardLayer: new LSTM({ units: 2, returnSequences: true, goBackwards: true }),
        mergeMode: null,
      },
      inputShape: [2, 3, 4],
      expectedOutputShape: [
        [2, 3, 2],
        [2, 3, 2],
      ],
      expectedTrainableWeights: 6,
    });
  });

  test('weights: the forward copy, then the backward copy, named as Keras', () => {
    const layer = new Bidirectional({ layer: new LSTM({ units: 2, name: 'encoder' }) });
    tidy(() => layer.apply(randomNormal([1, 2, 3])));
    expect([layer.forwardLayer.name, layer.backwardLayer.name]).toEqual(['forward_encoder', 'backward_encoder']);
    expect(layer.weights).toEqual([...layer.forwardLayer.weights, ...layer.backwardLayer.weights]);
    expect(layer.backwardLayer.goBackwards).toBe(true);
    layer.dispose();
  });

  test.each([
    ['concat', { units: 3 }],
    ['sum', { units: 3, returnSequences: true }],
    ['mul', { units: 2, returnSequences: true, returnState: true }],
    ['ave', { units: 3, returnState: true }],
  ] as [MergeMode, object][])('mergeMode %s over an LSTM %j matches tfjs-layers', async (mergeMode, options) => {
    const x = randomNormal([3, 5, 4], { seed: 1 });
    const twin = tfl.layers.bidirectional({
      layer: tfl.layers.lstm(twinOptions(options) as never) as never,
      mergeMode: mergeMode as never,
    });
    await expectSameAsTfjs(new Bidirectional({ layer: new LSTM(options as never), mergeMode }), twin, x);
    dispose(x);
  });

  test('a GRU (resetAfter: false) with initial states for both directions matches tfjs-layers', async () => {
    const x = randomNormal([2, 4, 3], { seed: 2 });
    const states = [randomNormal([2, 3], { seed: 3 }), randomNormal([2, 3], { seed: 4 })];
    const options = { units: 3, resetAfter: false, returnSequences: true };
    const twin = tfl.layers.bidirectional({ layer: tfl.layers.gru(twinOptions(options)) as never });
    await expectSameAsTfjs(new Bidirectional({ layer: new GRU(options) }), twin, x, { initialState: states });
    dispose([x, states]);
  });

  test('with a mask: the last outputs match tfjs-layers; returned sequences are zero at masked steps (Keras 3)', async () => {
    const { ids, x, mask } = maskedSequences(3, 5, 4);
    for (const returnSequences of [false, true]) {
      const options = { units: 2, returnSequences };
      const twin = tfl.layers.bidirectional({ layer: tfl.layers.lstm(twinOptions(options)) as never });
      const tMask = await toTf(mask);
      // tfjs repeats the previous output at masked steps; Keras 3's Bidirectional outputs zeros there.
      const zeroMasked = (want: tfc.Tensor) =>
        returnSequences ? tfc.mul(want, tfc.expandDims(tfc.cast(tMask, 'float32'), -1)) : want;
      await expectSameAsTfjs(new Bidirectional({ layer: new LSTM(options) }), twin, x, {
        mask,
        adjustExpected: zeroMasked,
      });
      tfc.dispose(tMask);
    }
    dispose([ids, x, mask]);
  });

  test('mergeMode null returns both directions, the backward one flipped into reading order', async () => {
    const x = randomNormal([2, 3, 4], { seed: 5 });
    const layer = new Bidirectional({ layer: new SimpleRNN({ units: 2, returnSequences: true }), mergeMode: null });
    const [forward, backward] = layer.apply(x) as unknown as Tensor[];
    const [f, b] = [layer.forwardLayer.apply(x), layer.backwardLayer.apply(x)];
    await expectClose(forward, f);
    const flipped = tidy(() => tfc.reverse(tfc.tensor(b.arraySync() as number[][][]), 1));
    await expectClose(backward, flipped);
    dispose([x, forward, backward, f, b]);
    tfc.dispose(flipped);
    layer.dispose();
  });

  test('passes the mask on with returnSequences', () => {
    const { ids, x, mask } = maskedSequences(2, 3, 2);
    const layer = new Bidirectional({ layer: new SimpleRNN({ units: 2, returnSequences: true }) });
    const y = layer.apply(x, { mask });
    expect(maskOf(y)).toBe(mask);
    dispose([ids, x, mask, y]);
    layer.dispose();
  });

  test('stateful: resetStates resets both directions', async () => {
    const x = randomNormal([2, 3, 4], { seed: 6 });
    const layer = new Bidirectional({ layer: new SimpleRNN({ units: 2, stateful: true }) });
    const first = layer.apply(x);
    layer.apply(x).dispose();
    layer.resetStates();
    const again = layer.apply(x);
    await expectClose(again, first);
    dispose([x, first, again]);
    layer.dispose();
  });

  test('clear errors', () => {
    expect(() => new Bidirectional({ layer: new LSTM({ units: 2 }), mergeMode: 'max' as never })).toThrow(
      /mergeMode must be one of 'concat', 'sum', 'mul', 'ave' or null, received "max"/,
    );
    expect(() => new Bidirectional({ layer: new LSTM({ units: 2 }), backwardLayer: new LSTM({ units: 2 }) })).toThrow(
      /must have different goBackwards/,
    );
    expect(
      () =>
        new Bidirectional({
          layer: new LSTM({ units: 2 }),
          backwardLayer: new LSTM({ units: 2, goBackwards: true, returnSequences: true }),
        }),
    ).toThrow(/must have the same returnSequences, received false \(forward\) and true \(backward\)/);
    expect(() => new Bidirectional({ layer: new (class extends SimpleRNN {})({ units: 2 }) }).resetStates()).toThrow(
      /is not stateful/,
    );
    expect(() => new Bidirectional({} as never)).toThrow(/layer is required/);
  });
});
