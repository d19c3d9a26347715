import { dispose, memory, randomNormal, slice, tensor, tidy, type Tensor } from '@strata/tensor';
import { Normalization } from './normalization';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose, traceShape } from '../../testing/layer-oracle';

async function expectOutput(layer: Normalization, x: Tensor, want: number[]): Promise<void> {
  const y = layer.apply(x);
  await expectClose(y, want);
  dispose(y);
}

describeOnBackends('Normalization', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(Normalization, {
      options: { mean: 2, variance: 4 },
      inputShape: [3, 4],
      expectedOutputShape: [3, 4],
      expectedTrainableWeights: 0,
      expectedNonTrainableWeights: 0,
    });
    await runLayerTest(Normalization, { options: {}, inputShape: [3, 4], expectedNonTrainableWeights: 3 });
    await runLayerTest(Normalization, {
      options: { axis: [1, 2], mean: [1, 2, 3], variance: [1, 4, 9], invert: true },
      inputShape: [2, 4, 3],
    });
    await runLayerTest(Normalization, { options: { axis: null }, inputShape: [5, 2], inputDtype: 'int32' });
  });

  // The examples of Keras's own docstring, with its printed results.
  test("reproduces Keras's documented examples", async () => {
    const before = memory().numTensors;
    const scalar = new Normalization({ axis: null });
    const data = tensor([1, 2, 3, 4, 5]);
    scalar.adapt(data);
    const input = tensor([1, 2, 3]);
    await expectOutput(scalar, input, [-Math.SQRT2, -0.70710677, 0]);

    const perFeature = new Normalization({ axis: -1 });
    const table = tensor([
      [0, 7, 4],
      [2, 9, 6],
      [0, 7, 4],
      [2, 9, 6],
    ]);
    perFeature.adapt(table);
    const row = tensor([[0, 7, 4]]);
    await expectOutput(perFeature, row, [-1, -1, -1]);

    const given = new Normalization({ mean: 3, variance: 2 });
    const column = tensor([[1], [2], [3]]);
    await expectOutput(given, column, [-Math.SQRT2, -0.70710677, 0]);

    const inverse = new Normalization({ axis: -1, invert: true });
    inverse.adapt(table);
    const normalized = tensor([[1, 2, 3]]);
    await expectOutput(inverse, normalized, [2, 10, 8]);
    dispose([data, input, table, row, column, normalized]);
    for (const layer of [scalar, perFeature, given, inverse]) layer.dispose();
    expect(memory().numTensors).toBe(before);
  });

  test('adapt() on batches equals adapt() on the whole data; mean and variance hand-computed, count 0 (Keras)', async () => {
    const data = randomNormal([7, 3, 2], { seed: 9, mean: 4, stddev: 3 });
    const values = await data.data();
    const whole = new Normalization({ axis: 1 });
    whole.adapt(data);
    const batches = [slice(data, [0], [2]), slice(data, [2], [4]), slice(data, [6], [1])];
    const batched = new Normalization({ axis: 1 });
    batched.adapt(batches);
    const stats = [0, 1, 2].map((k) => {
      const picked = Array.from(values).filter((_, i) => Math.floor(i / 2) % 3 === k);
      const mu = picked.reduce((a, b) => a + b) / picked.length;
      return { mu, variance: picked.reduce((a, v) => a + (v - mu) ** 2, 0) / picked.length };
    });
    for (const layer of [whole, batched]) {
      expect(layer.weights.map((w) => layer.weightName(w))).toEqual(['mean', 'variance', 'count']);
      await expectClose(
        layer.adaptMean!,
        stats.map((s) => s.mu),
        1e-5,
      );
      await expectClose(
        layer.adaptVariance!,
        stats.map((s) => s.variance),
        1e-5,
      );
      expect(await layer.count!.data()).toEqual(new Int32Array([0]));
    }
    const y = whole.apply(data);
    await expectClose(
      y,
      Array.from(
        values,
        (v, i) => (v - stats[Math.floor(i / 2) % 3].mu) / Math.sqrt(stats[Math.floor(i / 2) % 3].variance),
      ),
      1e-4,
    );
    dispose([data, y, ...batches]);
    whole.dispose();
    batched.dispose();
  });

  test('given statistics line up with the kept axes from the right', async () => {
    const x = randomNormal([2, 2, 3], { seed: 2 });
    const y = new Normalization({ axis: [1, 2], mean: [1, 2, 3], variance: [1, 4, 9] }).apply(x);
    const values = await x.data();
    await expectClose(
      y,
      Array.from(values, (v, i) => (v - [1, 2, 3][i % 3]) / [1, 2, 3][i % 3]),
    );
    dispose([x, y]);
  });

  test('options, inputs and adapt() data are checked', () => {
    const before = memory().numTensors;
    expect(() => new Normalization({ mean: 1 })).toThrow(
      'Normalization: give mean and variance together (or neither, and call adapt()), received mean=1 and variance=null',
    );
    expect(() => new Normalization({ mean: [1, 2], variance: [1] })).toThrow(
      'Normalization: mean and variance must have the same shape, received [2] and [1]',
    );
    expect(() => new Normalization({ mean: [[1, 2]], variance: [[1, 2]] })).toThrow(
      'Normalization: mean has rank 2 (shape [1,2]) but there are only 1 kept axes (axis [-1])',
    );
    expect(() => new Normalization({ mean: [1, [2]] as never, variance: [1, 2] })).toThrow(
      'Normalization: mean must be a finite number or a rectangular nested array of finite numbers, received [1,[2]]',
    );
    expect(() => new Normalization({ mean: 0, variance: -1 })).toThrow(
      'Normalization: variance must not be negative, received -1',
    );
    expect(() => new Normalization({ axis: 'x' as never })).toThrow(
      /axis must be an integer, an array of integers, or null/,
    );
    const fixed = new Normalization({ mean: 0, variance: 1, name: 'norm_fixed' });
    expect(() => tidy(() => fixed.adapt(tensor([1, 2])))).toThrow(
      'Layer "norm_fixed": adapt() learns mean and variance, but this layer was given them as options; create it without mean and variance to adapt it',
    );
    const mismatch = new Normalization({ mean: [1, 2, 3], variance: [1, 1, 1], name: 'norm_mismatch' });
    expect(() => tidy(() => mismatch.apply(tensor([[1, 2]])))).toThrow(
      'Layer "norm_mismatch": mean and variance of shape [3] do not broadcast to the kept axes [-1] of the input shape [1,2]',
    );
    const adapted = new Normalization({ name: 'norm_adapt' });
    expect(() => adapted.adapt([])).toThrow(
      'Layer "norm_adapt": adapt() expects a Tensor or a non-empty array of Tensor batches, received an array of 0',
    );
    tidy(() => {
      adapted.adapt(
        tensor([
          [1, 2],
          [3, 4],
        ]),
      );
      expect(() => adapted.adapt(tensor([[1, 2, 3]]))).toThrow(
        'Layer "norm_adapt": adapt() received a batch of shape [1,3], but the layer keeps axes [1] of inputs of rank 2 with sizes [2]',
      );
    });
    adapted.dispose();
    expect(memory().numTensors).toBe(before);
  });

  test('traces with an unknown batch size', () => {
    const adapted = new Normalization();
    expect(traceShape(adapted, [null, 3])).toEqual([null, 3]);
    expect(
      traceShape(new Normalization({ axis: [1, 2], mean: [1, 2], variance: [1, 1], invert: true }), [null, 3, 2]),
    ).toEqual([null, 3, 2]);
    adapted.dispose();
  });
});
