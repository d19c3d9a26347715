import * as tfc from '@tensorflow/tfjs-core';
import { dispose, randomNormal, tensor, tidy, type Tensor } from '@strata/tensor';
import { AdditiveAttention } from './index';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose, toTf } from '../../testing/layer-oracle';

/** Keras's AdditiveAttention written out with TensorFlow.js ops: scores = Σ scale ⊙ tanh(q + k). */
async function reference(
  query: Tensor,
  value: Tensor,
  key: Tensor,
  scale: Tensor | null,
  valueMask: Tensor | null,
): Promise<tfc.Tensor[]> {
  const [q, v, k] = await Promise.all([toTf(query), toTf(value), toTf(key)]);
  const s = scale ? await toTf(scale) : null;
  const vm = valueMask ? await toTf(valueMask) : null;
  const out = tfc.tidy(() => {
    const activated = tfc.tanh(tfc.add(tfc.expandDims(q, 2), tfc.expandDims(k, 1)));
    let scores = tfc.sum(s ? tfc.mul(activated, s) : activated, -1);
    if (vm) scores = tfc.sub(scores, tfc.mul(1e9, tfc.sub(1, tfc.expandDims(tfc.cast(vm, 'float32'), 1))));
    const weights = tfc.softmax(scores);
    return [tfc.matMul(weights, v), weights];
  });
  tfc.dispose([q, v, k, ...(s ? [s] : []), ...(vm ? [vm] : [])]);
  return out;
}

describeOnBackends('AdditiveAttention', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(AdditiveAttention, {
      options: {},
      inputShape: [
        [2, 3, 4],
        [2, 5, 4],
      ],
      expectedOutputShape: [2, 3, 4],
      expectedTrainableWeights: 1,
    });
    await runLayerTest(AdditiveAttention, {
      options: { useScale: false, dropout: 0.3, seed: 1 },
      inputShape: [
        [2, 3, 4],
        [2, 5, 2],
        [2, 5, 4],
      ],
      expectedOutputShape: [2, 3, 2],
      expectedTrainableWeights: 0,
    });
  });

  test.each([[true], [false]])(
    'matches the formula written out (useScale: %s, with a value mask)',
    async (useScale) => {
      const [query, value, key] = [
        randomNormal([2, 3, 4], { seed: 1 }),
        randomNormal([2, 5, 3], { seed: 2 }),
        randomNormal([2, 5, 4], { seed: 3 }),
      ];
      const valueMask = tensor([
        [true, true, true, false, false],
        [true, false, true, true, true],
      ]);
      const layer = new AdditiveAttention({ useScale });
      const got = layer.apply([query, value, key], {
        mask: [null, valueMask],
        returnAttentionScores: true,
      }) as Tensor[];
      expect(layer.weights.map((w) => [layer.weightName(w), w.shape])).toEqual(useScale ? [['scale', [4]]] : []);
      const want = await reference(query, value, key, layer.scale, valueMask);
      for (const [i, g] of got.entries()) await expectClose(g, want[i]);
      dispose([query, value, key, valueMask, got]);
      tfc.dispose(want);
      layer.dispose();
    },
  );

  test('has no scoreMode', () => {
    expect(() => new AdditiveAttention({ scoreMode: 'dot' } as never)).toThrow(/scoreMode is not an option/);
    const layer = new AdditiveAttention();
    expect(layer.getConfig()).not.toHaveProperty('scoreMode');
    tidy(() => layer.apply([randomNormal([1, 2, 3]), randomNormal([1, 2, 3])]));
    layer.dispose();
  });
});
