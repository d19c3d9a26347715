import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { randomNormal, tensor, memory, type Tensor } from '@strata/tensor';
import { getConstraint, type Constraint, MaxNorm, MinMaxNorm, NonNeg, UnitNorm } from './index';
import { serialize } from '../serializable';
import { describeEachBackend, expectAllClose, toTfjs, useCpuBackend } from '../testing/core-layer-oracle';

useCpuBackend();

type TfConstraint = { apply(w: tfc.Tensor): tfc.Tensor };

const cases: [string, () => Constraint, () => TfConstraint][] = [
  ['MaxNorm default', () => new MaxNorm(), () => tfl.constraints.maxNorm({ maxValue: 2 })],
  [
    'MaxNorm 0.5 axis 1',
    () => new MaxNorm({ maxValue: 0.5, axis: 1 }),
    () => tfl.constraints.maxNorm({ maxValue: 0.5, axis: 1 }),
  ],
  [
    'MaxNorm conv kernel axes [0,1,2]',
    () => new MaxNorm({ maxValue: 1, axis: [0, 1, 2] }),
    () => tfl.constraints.maxNorm({ maxValue: 1, axis: [0, 1, 2] as unknown as number }),
  ], // tfjs types one axis but reduces over a list
  ['MinMaxNorm default', () => new MinMaxNorm(), () => tfl.constraints.minMaxNorm({ minValue: 0, maxValue: 1 })],
  [
    'MinMaxNorm rate 0.5',
    () => new MinMaxNorm({ minValue: 1.5, maxValue: 2, rate: 0.5, axis: 1 }),
    () => tfl.constraints.minMaxNorm({ minValue: 1.5, maxValue: 2, rate: 0.5, axis: 1 }),
  ],
  ['NonNeg', () => new NonNeg(), () => tfl.constraints.nonNeg()],
  ['UnitNorm default', () => new UnitNorm(), () => tfl.constraints.unitNorm({ axis: 0 })],
  ['UnitNorm axis -1', () => new UnitNorm({ axis: -1 }), () => tfl.constraints.unitNorm({ axis: -1 })],
];

describeEachBackend('constraints', () => {
  test.each(cases)(
    '%s matches tfjs-layers on the same weights, leaving nothing behind',
    async (_name, make, reference) => {
      const axes = [make().getConfig().axis ?? 0].flat() as number[];
      for (const shape of [
        [4, 3],
        [2, 2, 3, 5],
      ].filter((s) => axes.every((a) => a < s.length))) {
        const w = randomNormal(shape, { seed: shape.length, stddev: 2 });
        const before = memory().numTensors;
        const projected: Tensor = make().call(w);
        expect(memory().numTensors).toBe(before + 1);
        const tw = await toTfjs(w);
        const want = reference().apply(tw);
        await expectAllClose(projected, want);
        tfc.dispose([tw, want]);
        projected.dispose();
        w.dispose();
      }
    },
  );

  test('MaxNorm leaves small columns alone and scales large ones to the limit', async () => {
    const w = tensor([
      [3, 0.1],
      [4, 0.2],
    ]);
    const y = new MaxNorm({ maxValue: 2 }).call(w);
    await expectAllClose(y, { shape: [2, 2], values: [1.2, 0.1, 1.6, 0.2] }, 1e-5);
    w.dispose();
    y.dispose();
  });
});

test('constraint configs round-trip, and resolve by name in any casing', () => {
  for (const c of [
    new MaxNorm({ maxValue: 3, axis: [0, 1] }),
    new MinMaxNorm({ minValue: 0.5, maxValue: 2, rate: 0.3, axis: 1 }),
    new NonNeg(),
    new UnitNorm({ axis: 2 }),
  ]) {
    const again = getConstraint(JSON.parse(JSON.stringify(serialize(c))));
    expect(again).toBeInstanceOf(c.constructor);
    expect(again.getConfig()).toEqual(c.getConfig());
  }
  expect(getConstraint('max_norm')).toBeInstanceOf(MaxNorm);
  expect(getConstraint('maxNorm')).toBeInstanceOf(MaxNorm);
  expect(getConstraint('MinMaxNorm')).toBeInstanceOf(MinMaxNorm);
  expect(getConstraint('non_neg')).toBeInstanceOf(NonNeg);
  expect(getConstraint('unit_norm')).toBeInstanceOf(UnitNorm);
});

test('constraints explain bad input', () => {
  expect(() => getConstraint('positive')).toThrow(
    'unknown constraint "positive"; expected one of MaxNorm, MinMaxNorm, NonNeg, UnitNorm, an instance, or {className, config}',
  );
  expect(() => new MaxNorm({ axis: 0.5 })).toThrow(
    'MaxNorm: axis must be an integer or a list of integers, received 0.5',
  );
  expect(() => new MinMaxNorm({ minValue: 2, maxValue: 1 })).toThrow(
    'MinMaxNorm: minValue (2) must not exceed maxValue (1)',
  );
});
