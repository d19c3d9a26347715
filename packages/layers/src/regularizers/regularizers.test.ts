import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { randomNormal, memory, type Tensor } from '@strata/tensor';
import { getRegularizer, L1, L2, L1L2, type Regularizer } from './index';
import { serialize } from '../serializable';
import { describeEachBackend, expectAllClose, toTfjs, useCpuBackend } from '../testing/core-layer-oracle';

useCpuBackend();

type TfRegularizer = { apply(x: tfc.Tensor): tfc.Tensor };

const cases: [string, () => Regularizer, () => TfRegularizer][] = [
  ['L1 default', () => new L1(), () => tfl.regularizers.l1()],
  ['L1 0.3', () => new L1({ l1: 0.3 }), () => tfl.regularizers.l1({ l1: 0.3 })],
  ['L2 default', () => new L2(), () => tfl.regularizers.l2()],
  ['L2 0.05', () => new L2({ l2: 0.05 }), () => tfl.regularizers.l2({ l2: 0.05 })],
  ['L1L2 both', () => new L1L2({ l1: 0.1, l2: 0.2 }), () => tfl.regularizers.l1l2({ l1: 0.1, l2: 0.2 })],
  ['L1L2 only l2', () => new L1L2({ l2: 0.7 }), () => tfl.regularizers.l1l2({ l1: 0, l2: 0.7 })],
  ['L1L2 none', () => new L1L2(), () => tfl.regularizers.l1l2({ l1: 0, l2: 0 })],
];

describeEachBackend('regularizers', () => {
  test.each(cases)(
    '%s matches tfjs-layers on the same tensor, leaving nothing behind',
    async (_name, make, reference) => {
      for (const shape of [[5], [3, 4], [2, 3, 2, 4]]) {
        const w = randomNormal(shape, { seed: shape.length });
        const before = memory().numTensors;
        const penalty: Tensor = make().call(w);
        expect(memory().numTensors).toBe(before + 1);
        const tw = await toTfjs(w);
        const want = reference().apply(tw);
        await expectAllClose(penalty, want);
        tfc.dispose([tw, want]);
        penalty.dispose();
        w.dispose();
      }
    },
  );
});

test('regularizer configs round-trip, and resolve by name in any casing', () => {
  for (const r of [new L1({ l1: 0.2 }), new L2({ l2: 0.3 }), new L1L2({ l1: 0.1, l2: 0.4 })]) {
    const again = getRegularizer(JSON.parse(JSON.stringify(serialize(r))));
    expect(again).toBeInstanceOf(r.constructor);
    expect(again.getConfig()).toEqual(r.getConfig());
  }
  expect(serialize(new L1L2({ l1: 0.1 }))).toEqual({ className: 'L1L2', config: { l1: 0.1, l2: 0 } });
  expect(getRegularizer('l1')).toBeInstanceOf(L1);
  expect(getRegularizer('L2')).toBeInstanceOf(L2);
  expect(getRegularizer('l1_l2')).toBeInstanceOf(L1L2);
  expect(getRegularizer('l1L2')).toBeInstanceOf(L1L2);
  expect(getRegularizer({ className: 'L2', config: { l2: 0.5 } }).getConfig()).toEqual({ l2: 0.5 });
  const instance = new L1();
  expect(getRegularizer(instance)).toBe(instance);
});

test('regularizers explain bad input', () => {
  expect(() => getRegularizer('l3')).toThrow(
    'unknown regularizer "l3"; expected one of L1, L2, L1L2, an instance, or {className, config}',
  );
  expect(() => getRegularizer({ className: 'Nope', config: {} })).toThrow(/unknown regularizer "Nope"/);
  expect(() => new L1({ l1: -1 })).toThrow('L1: l1 must be a non-negative number, received -1');
  expect(() => new L1L2({ l2: Number.NaN })).toThrow(/L1L2: l2 must be a non-negative number/);
});
