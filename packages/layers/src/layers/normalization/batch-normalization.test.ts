import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { dispose, memory, randomNormal, randomUniform, tensor, tidy, type Tensor } from '@strata/tensor';
import { BatchNormalization } from './batch-normalization';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose, toTf, traceShape, weightsToTf } from '../../testing/layer-oracle';

/** Gives the layer random gamma/beta/moving statistics (variance kept positive). */
function randomizeWeights(layer: BatchNormalization): void {
  tidy(() =>
    layer.setWeights(
      layer.weights.map((w, i) =>
        w.name.endsWith('moving_variance')
          ? randomUniform(w.shape, { minval: 0.5, maxval: 2, seed: i })
          : randomNormal(w.shape, { seed: 10 + i }),
      ),
    ),
  );
}

/**
 * tfjs-layers' batchNormalization, given the same weights, as a function of Strata tensors. TensorFlow.js's
 * cpu FusedBatchNorm indexes parameters as if they spanned the last axis, so a channels-first layer
 * is checked on transposed data with axis -1 (the same computation, on a path tfjs gets right).
 */
type Twin = ((x: Tensor, training: boolean) => Promise<tfc.Tensor>) & { weights: () => tfc.Tensor[] };

async function tfjsTwin(layer: BatchNormalization, x: Tensor): Promise<Twin> {
  const rank = x.shape.length;
  const axis = layer.axis < 0 ? layer.axis + rank : layer.axis;
  const toLast = [...Array(rank).keys()].filter((i) => i !== axis).concat(axis);
  const fromLast = toLast.map((_, i) => toLast.indexOf(i));
  const ref = tfl.layers.batchNormalization({
    axis: -1,
    momentum: layer.momentum,
    epsilon: layer.epsilon,
    center: layer.affine.center,
    scale: layer.affine.scale,
  });
  const run = async (input: Tensor, training: boolean) => {
    const tx = await toTf(input);
    const ty = ref.apply(tfc.transpose(tx, toLast), { training }) as tfc.Tensor;
    tfc.dispose(tx);
    return tfc.transpose(ty, fromLast);
  };
  tfc.dispose(await run(x, false));
  const weights = await weightsToTf(layer);
  ref.setWeights(weights);
  tfc.dispose(weights);
  return Object.assign(run, { weights: () => ref.getWeights() });
}

describeOnBackends('BatchNormalization', () => {
  test('passes runLayerTest', async () => {
    // beta starts at 1: with batch statistics sum(normalized) = 0, so a zero beta would get no gradient from sum(y^2).
    await runLayerTest(BatchNormalization, {
      options: { betaInitializer: 'ones' },
      inputShape: [4, 3],
      expectedOutputShape: [4, 3],
      expectedTrainableWeights: 2,
      expectedNonTrainableWeights: 2,
    });
    await runLayerTest(BatchNormalization, {
      options: { axis: 1, center: false, momentum: 0.8 },
      inputShape: [2, 3, 4, 5],
      expectedOutputShape: [2, 3, 4, 5],
      expectedTrainableWeights: 1,
      expectedNonTrainableWeights: 2,
    });
    await runLayerTest(BatchNormalization, {
      options: { scale: false, betaInitializer: 'ones', gammaRegularizer: 'l2', betaConstraint: 'nonNeg' },
      inputShape: [3, 2, 4],
      expectedTrainableWeights: 1,
    });
  });

  test.each([
    [{}, [5, 3]],
    [{ axis: 1, epsilon: 0.01 }, [2, 3, 4, 2]],
    [{ axis: -1, center: false }, [2, 3, 4]],
  ])('inference matches tfjs-layers given the same weights (%j on %j)', async (options, shape) => {
    const layer = new BatchNormalization(options);
    const x = randomNormal(shape, { seed: 1 });
    tidy(() => {
      layer.apply(x);
    });
    randomizeWeights(layer);
    const ref = await tfjsTwin(layer, x);
    const y = layer.apply(x);
    const ty = await ref(x, false);
    await expectClose(y, ty);
    dispose([x, y]);
    layer.dispose();
    tfc.dispose(ty);
  });

  test.each([
    [{}, [6, 3]],
    [{ axis: 1, momentum: 0.9 }, [2, 3, 4, 2]],
  ])('training uses batch statistics and updates the moving ones as tfjs-layers (%j)', async (options, shape) => {
    const layer = new BatchNormalization(options);
    const x = randomUniform(shape, { minval: -2, maxval: 5, seed: 2 });
    tidy(() => {
      layer.apply(x);
    });
    randomizeWeights(layer);
    const ref = await tfjsTwin(layer, x);
    for (let step = 0; step < 2; step++) {
      const y = layer.apply(x, { training: true });
      const ty = await ref(x, true);
      await expectClose(y, ty);
      dispose(y);
      tfc.dispose(ty);
    }
    const want = ref.weights();
    for (const [i, w] of layer.weights.entries()) await expectClose(w, want[i]);
    dispose(x);
    layer.dispose();
  });

  test('trainable = false runs in inference mode and leaves the moving statistics alone', async () => {
    const layer = new BatchNormalization();
    const x = randomNormal([4, 2], { seed: 3 });
    tidy(() => {
      layer.apply(x);
    });
    randomizeWeights(layer);
    layer.trainable = false;
    const before = await Promise.all(layer.weights.map((w) => w.data()));
    const trained = layer.apply(x, { training: true });
    const inferred = layer.apply(x, { training: false });
    await expectClose(trained, inferred, 0);
    for (const [i, w] of layer.weights.entries()) await expectClose(w, Array.from(before[i]), 0);
    expect(layer.trainableWeights).toHaveLength(0);
    dispose([x, trained, inferred]);
    layer.dispose();
  });

  test('a mask leaves masked steps out of the batch statistics (hand-computed)', async () => {
    const layer = new BatchNormalization({ momentum: 0.5 });
    const values = [
      [
        [1, 10],
        [3, 20],
        [100, -50],
      ],
      [
        [5, 30],
        [-7, 0],
        [9, 9],
      ],
    ];
    const keep = [
      [true, true, false],
      [true, false, false],
    ];
    const x = tensor(values);
    const mask = tensor(keep);
    const y = layer.apply(x, { training: true, mask });
    const kept = values.flatMap((row, b) => row.filter((_, t) => keep[b][t]));
    const stats = [0, 1].map((c) => {
      const column = kept.map((v) => v[c]);
      const mu = column.reduce((a, b) => a + b) / (column.length + 1e-7);
      return { mu, variance: column.reduce((a, v) => a + (v - mu) ** 2, 0) / (column.length + 1e-7) };
    });
    await expectClose(
      y,
      values.flat(2).map((v, i) => (v - stats[i % 2].mu) / Math.sqrt(stats[i % 2].variance + 1e-3)),
      1e-4,
    );
    await expectClose(
      layer.movingMean,
      stats.map((s) => 0.5 * s.mu),
    );
    await expectClose(
      layer.movingVariance,
      stats.map((s) => 0.5 + 0.5 * s.variance),
      1e-4,
    );
    dispose([x, mask, y]);
    layer.dispose();
  });

  test('options and inputs are checked with messages that say what to fix', () => {
    expect(() => new BatchNormalization({ momentum: 2 })).toThrow(
      'BatchNormalization: momentum must be a finite number >= 0 and <= 1, received 2',
    );
    expect(() => new BatchNormalization({ axis: 1.5 })).toThrow(
      'BatchNormalization: axis must be an integer, received 1.5',
    );
    expect(() => new BatchNormalization({ synchronized: true })).toThrow(/synchronized=true .* is not supported/);
    expect(() => new BatchNormalization({ center: 'yes' as never })).toThrow(
      'BatchNormalization: center must be true or false, received "yes"',
    );
    const before = memory().numTensors;
    const bad = new BatchNormalization({ axis: 3, name: 'bn_axis' });
    expect(() => tidy(() => bad.apply(tensor([[1, 2]])))).toThrow(
      'Layer "bn_axis": axis 3 is out of range for an input of rank 2 (shape [1,2]); use an axis in [-2, 1]',
    );
    const layer = new BatchNormalization({ name: 'bn_spec' });
    tidy(() => {
      layer.apply(tensor([[1, 2, 3]]));
    });
    expect(() => tidy(() => layer.apply(tensor([[1, 2]])))).toThrow(
      'Input 0 of layer "bn_spec" is incompatible: expected axis -1 to have value 3, received shape [1,2]',
    );
    layer.dispose();
    bad.dispose();
    expect(memory().numTensors).toBe(before);
  });

  test('weights follow Keras order, names and trainability', () => {
    const layer = new BatchNormalization({ name: 'bn' });
    tidy(() => {
      layer.apply(tensor([[1, 2]]));
    });
    expect(layer.weights.map((w) => w.name)).toEqual(['bn/gamma', 'bn/beta', 'bn/moving_mean', 'bn/moving_variance']);
    expect(layer.nonTrainableWeights.map((w) => w.name)).toEqual(['bn/moving_mean', 'bn/moving_variance']);
    layer.dispose();
  });

  test('traces with unknown sizes, in training mode too, without touching the moving statistics', async () => {
    const layer = new BatchNormalization({ axis: 1 });
    expect(traceShape(layer, [null, 3, null, null], { training: true })).toEqual([null, 3, null, null]);
    expect(traceShape(layer, [null, 3, null, null])).toEqual([null, 3, null, null]);
    await expectClose(layer.movingMean, [0, 0, 0], 0);
    await expectClose(layer.movingVariance, [1, 1, 1], 0);
    layer.dispose();
  });
});
