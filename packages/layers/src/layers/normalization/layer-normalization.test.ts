import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { dispose, memory, randomNormal, tensor, tidy } from '@strata/tensor';
import { LayerNormalization, type LayerNormalizationArgs } from './layer-normalization';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose, toTf, traceShape, weightsToTf } from '../../testing/layer-oracle';

describeOnBackends('LayerNormalization', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(LayerNormalization, {
      options: {},
      inputShape: [3, 4],
      expectedOutputShape: [3, 4],
      expectedTrainableWeights: 2,
    });
    await runLayerTest(LayerNormalization, {
      options: { axis: [1, 2], center: false },
      inputShape: [2, 3, 4],
      expectedTrainableWeights: 1,
    });
    await runLayerTest(LayerNormalization, {
      options: { axis: 1, scale: false, betaRegularizer: 'l1' },
      inputShape: [2, 3, 4],
      expectedTrainableWeights: 1,
    });
    await runLayerTest(LayerNormalization, {
      options: { rmsScaling: true },
      inputShape: [2, 5],
      expectedTrainableWeights: 1,
    });
  });

  test.each<[LayerNormalizationArgs, number[]]>([
    [{}, [4, 5]],
    [{ epsilon: 0.1, center: false }, [2, 3, 4]],
    [{ axis: [1, 2] }, [2, 3, 4]],
    [{ axis: -2, scale: false }, [2, 3, 4]],
  ])('matches tfjs-layers given the same weights (%j on %j)', async (options, shape) => {
    const layer = new LayerNormalization(options);
    const x = randomNormal(shape, { seed: 5 });
    tidy(() => {
      layer.apply(x);
    });
    tidy(() => layer.setWeights(layer.weights.map((w, i) => randomNormal(w.shape, { seed: 20 + i }))));
    const ref = tfl.layers.layerNormalization({
      axis: options.axis,
      epsilon: options.epsilon,
      center: options.center,
      scale: options.scale,
    });
    const tx = await toTf(x);
    tfc.dispose(ref.apply(tx) as tfc.Tensor);
    const weights = await weightsToTf(layer);
    ref.setWeights(weights);
    const y = layer.apply(x);
    const ty = ref.apply(tx) as tfc.Tensor;
    await expectClose(y, ty);
    dispose([x, y]);
    layer.dispose();
    tfc.dispose([tx, ty, ...weights]);
  });

  test('rmsScaling divides by the variance and multiplies by gamma, as Keras (hand-computed)', async () => {
    const layer = new LayerNormalization({ rmsScaling: true, epsilon: 0.01 });
    const rows = [
      [1, 2, 3, 6],
      [-1, 0, 4, 1],
    ];
    const x = tensor(rows);
    tidy(() => {
      layer.apply(x);
    });
    const gamma = [0.5, 2, -1, 1];
    tidy(() => layer.setWeights([tensor(gamma)]));
    const y = layer.apply(x);
    const want = rows.flatMap((row) => {
      const mu = row.reduce((a, b) => a + b) / row.length;
      const variance = row.reduce((a, v) => a + (v - mu) ** 2, 0) / row.length;
      return row.map((v, i) => (v / Math.sqrt(variance + 0.01)) * gamma[i]);
    });
    await expectClose(y, want);
    expect(layer.weights.map((w) => w.name)).toEqual([`${layer.name}/gamma`]);
    dispose([x, y]);
    layer.dispose();
  });

  test('options and inputs are checked', () => {
    const before = memory().numTensors;
    expect(() => new LayerNormalization({ axis: 'last' as never })).toThrow(
      'LayerNormalization: axis must be an integer or a non-empty array of integers, received "last"',
    );
    expect(() => new LayerNormalization({ epsilon: -1 })).toThrow(
      'LayerNormalization: epsilon must be a finite number >= 0, received -1',
    );
    const layer = new LayerNormalization({ axis: [1, -1], name: 'ln_bad' });
    expect(() => tidy(() => layer.apply(tensor([[1, 2]])))).toThrow(
      'Layer "ln_bad": axis [1,-1] names the same axis twice for an input of rank 2',
    );
    const ln = new LayerNormalization({ name: 'ln_spec' });
    tidy(() => {
      ln.apply(tensor([[1, 2, 3]]));
    });
    expect(() => tidy(() => ln.apply(tensor([[1, 2]])))).toThrow(
      'Input 0 of layer "ln_spec" is incompatible: expected axis -1 to have value 3, received shape [1,2]',
    );
    layer.dispose();
    ln.dispose();
    expect(memory().numTensors).toBe(before);
  });

  test('traces with unknown sizes', () => {
    for (const options of [{ axis: [1, 2] }, { rmsScaling: true }, { axis: 1 }]) {
      const layer = new LayerNormalization(options);
      expect(traceShape(layer, [null, 3, 4])).toEqual([null, 3, 4]);
      layer.dispose();
    }
  });
});
