import { dispose, memory, randomNormal, tensor } from '@strata/tensor';
import { UnitNormalization } from './unit-normalization';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose, traceShape } from '../../testing/layer-oracle';

describeOnBackends('UnitNormalization', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(UnitNormalization, {
      options: {},
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(UnitNormalization, {
      options: { axis: [1, 2] },
      inputShape: [2, 3, 4],
      expectedOutputShape: [2, 3, 4],
    });
  });

  test('each example gets unit L2 norm over the axes (hand-computed)', async () => {
    const rows = [
      [3, 4],
      [0, 0],
      [1, -1],
    ];
    const x = tensor(rows);
    const y = new UnitNormalization().apply(x);
    await expectClose(y, [0.6, 0.8, 0, 0, Math.SQRT1_2, -Math.SQRT1_2]);
    const cube = randomNormal([2, 3, 4], { seed: 8 });
    const z = new UnitNormalization({ axis: [1, 2] }).apply(cube);
    const values = await cube.data();
    const norms = [0, 1].map((b) => Math.hypot(...values.slice(b * 12, b * 12 + 12)));
    await expectClose(
      z,
      Array.from(values, (v, i) => v / norms[Math.floor(i / 12)]),
    );
    dispose([x, y, cube, z]);
  });

  test('int inputs are normalized as floats; bad axes are refused', async () => {
    const before = memory().numTensors;
    const x = tensor([[0, 5]], undefined, 'int32');
    const y = new UnitNormalization().apply(x);
    expect(y.dtype).toBe('float32');
    await expectClose(y, [0, 1]);
    expect(() => new UnitNormalization({ axis: [] })).toThrow(
      'UnitNormalization: axis must be an integer or a non-empty array of integers, received []',
    );
    expect(() => new UnitNormalization({ axis: 2, name: 'unit_bad' }).apply(x)).toThrow(
      'Layer "unit_bad": axis 2 is out of range for an input of rank 2 (shape [1,2]); use an axis in [-2, 1]',
    );
    dispose([x, y]);
    expect(memory().numTensors).toBe(before);
  });

  test('traces with unknown sizes', () => {
    expect(traceShape(new UnitNormalization(), [null, null, 3])).toEqual([null, null, 3]);
  });
});
