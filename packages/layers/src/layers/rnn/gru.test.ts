import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { dispose, randomNormal, tidy, type Tensor } from '@strata/tensor';
import { GRU, GRUCell } from './index';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose, toTf, weightsToTf } from '../../testing/layer-oracle';
import { expectSameAsTfjs, maskedSequences, twinOptions } from '../../testing/recurrent-oracle';

/**
 * Keras 3's reset_after GRU (which tfjs-layers lacks) written out step by step with TensorFlow.js
 * ops, from the layer's weights: z, r from x·W + b_in + h·U + b_rec; h̃ = tanh(x_h + r ⊙ (h·U_h + b_rec_h)).
 */
async function resetAfterReference(
  layer: GRU,
  x: Tensor,
  mask: Tensor | null,
): Promise<{ sequence: tfc.Tensor; last: tfc.Tensor }> {
  const [kernel, recurrentKernel, bias] = await weightsToTf(layer);
  const tx = await toTf(x);
  const tMask = mask ? await toTf(mask) : null;
  const result = tfc.tidy(() => {
    const u = layer.cell.units;
    const [inputBias, recurrentBias] = tfc.unstack(bias);
    let h = tfc.zeros([x.shape[0] as number, u]);
    const outputs: tfc.Tensor[] = [];
    for (let t = 0; t < (x.shape[1] as number); t++) {
      const xt = tfc.squeeze(tfc.slice(tx, [0, t, 0], [-1, 1, -1]), [1]);
      const [xz, xr, xh] = tfc.split(tfc.add(tfc.matMul(xt, kernel), inputBias), 3, -1);
      const [hz, hr, hh] = tfc.split(tfc.add(tfc.matMul(h, recurrentKernel), recurrentBias), 3, -1);
      const z = tfc.sigmoid(tfc.add(xz, hz));
      const r = tfc.sigmoid(tfc.add(xr, hr));
      const candidate = tfc.tanh(tfc.add(xh, tfc.mul(r, hh)));
      let next = tfc.add(tfc.mul(z, h), tfc.mul(tfc.sub(1, z), candidate));
      // A masked step keeps h, and outputs it: with a zero initial state that is Keras's "previous output".
      if (tMask) next = tfc.where(tfc.tile(tfc.cast(tfc.slice(tMask, [0, t], [-1, 1]), 'bool'), [1, u]), next, h);
      h = next;
      outputs.push(h);
    }
    return { sequence: tfc.stack(outputs, 1), last: h };
  });
  tfc.dispose([kernel, recurrentKernel, bias, tx, ...(tMask ? [tMask] : [])]);
  return result;
}

describeOnBackends('GRU', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(GRU, {
      options: { units: 3 },
      inputShape: [2, 4, 5],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 3,
    });
    await runLayerTest(GRU, {
      options: { units: 2, returnSequences: true, returnState: true, resetAfter: false, biasInitializer: 'ones' },
      inputShape: [3, 4, 2],
      expectedOutputShape: [
        [3, 4, 2],
        [3, 2],
      ],
      expectedTrainableWeights: 3,
    });
    for (const resetAfter of [true, false]) {
      await runLayerTest(GRU, {
        options: {
          units: 3,
          resetAfter,
          goBackwards: true,
          dropout: 0.25,
          recurrentDropout: 0.5,
          seed: 1,
          kernelConstraint: 'unitNorm',
          useBias: false,
        },
        inputShape: [2, 3, 4],
        expectedOutputShape: [2, 3],
        expectedTrainableWeights: 2,
      });
    }
  });

  test('GRUCell passes runLayerTest on its own', async () => {
    await runLayerTest(GRUCell, {
      options: { units: 3 },
      inputShape: [
        [2, 4],
        [2, 3],
      ],
      expectedOutputShape: [
        [2, 3],
        [2, 3],
      ],
      expectedTrainableWeights: 3,
    });
  });

  test('bias is [2, 3u] with resetAfter (the default, as Keras 3) and [3u] without', () => {
    for (const [resetAfter, biasShape] of [
      [true, [2, 9]],
      [false, [9]],
    ] as const) {
      const layer = new GRU({ units: 3, resetAfter });
      tidy(() => layer.apply(randomNormal([1, 2, 4])));
      expect(layer.weights.map((w) => w.shape)).toEqual([[4, 9], [3, 9], biasShape]);
      layer.dispose();
    }
  });

  test.each([
    [{ units: 4, resetAfter: false }],
    [{ units: 3, resetAfter: false, returnSequences: true, biasInitializer: 'randomNormal' }],
    [{ units: 3, resetAfter: false, returnState: true, goBackwards: true }],
    [
      {
        units: 2,
        resetAfter: false,
        returnSequences: true,
        activation: 'relu',
        recurrentActivation: 'tanh',
        useBias: false,
      },
    ],
  ])('resetAfter: false matches tfjs-layers given the same weights (%j)', async (options) => {
    const x = randomNormal([3, 5, 4], { seed: 1 });
    await expectSameAsTfjs(new GRU(options), tfl.layers.gru(twinOptions(options) as never), x);
    dispose(x);
  });

  test('resetAfter: false with a mask matches tfjs-layers', async () => {
    const { ids, x, mask } = maskedSequences(3, 5, 4);
    const options = { units: 3, resetAfter: false, returnSequences: true, returnState: true };
    await expectSameAsTfjs(new GRU(options), tfl.layers.gru(twinOptions(options)), x, { mask });
    dispose([ids, x, mask]);
  });

  test.each([[false], [true]])(
    'resetAfter: true matches the formula written out with TensorFlow.js ops (masked: %s)',
    async (masked) => {
      const data = masked
        ? maskedSequences(3, 5, 4)
        : { ids: null, x: randomNormal([3, 5, 4], { seed: 1 }), mask: null };
      const layer = new GRU({ units: 3, returnSequences: true, returnState: true, biasInitializer: 'randomNormal' });
      const [sequence, last] = layer.apply(data.x, { mask: data.mask }) as unknown as Tensor[];
      const want = await resetAfterReference(layer, data.x, data.mask);
      await expectClose(sequence, want.sequence);
      await expectClose(last, want.last);
      dispose([data, sequence, last]);
      tfc.dispose([want.sequence, want.last]);
      layer.dispose();
    },
  );
});
