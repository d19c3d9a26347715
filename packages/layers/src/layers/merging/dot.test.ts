import * as tfl from '@tensorflow/tfjs-layers';
import { dispose, memory, randomNormal, tensor, tidy, type Tensor } from '@strata/tensor';
import { Dot, type DotArgs } from './dot';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose, expectSameAsTfjs, traceShape } from '../../testing/layer-oracle';

describeOnBackends('Dot', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(Dot, {
      options: { axes: 1 },
      inputShape: [
        [2, 3],
        [2, 3],
      ],
      expectedOutputShape: [2, 1],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(Dot, {
      options: { axes: [2, 2] },
      inputShape: [
        [2, 3, 4],
        [2, 5, 4],
      ],
      expectedOutputShape: [2, 3, 5],
    });
    await runLayerTest(Dot, {
      options: { axes: [1, 2], normalize: true },
      inputShape: [
        [2, 4, 3],
        [2, 5, 4],
      ],
      expectedOutputShape: [2, 3, 5],
    });
    await runLayerTest(Dot, {
      options: { axes: [-1, 1] },
      inputShape: [
        [2, 3, 4, 5],
        [2, 5, 6],
      ],
      expectedOutputShape: [2, 3, 4, 6],
    });
    await runLayerTest(Dot, {
      options: { axes: -1 },
      inputShape: [
        [2, 4],
        [2, 3, 4],
      ],
      expectedOutputShape: [2, 3],
    });
  });

  test.each<[DotArgs, number[][]]>([
    [
      { axes: 1 },
      [
        [4, 3],
        [4, 3],
      ],
    ],
    [
      { axes: -1, normalize: true },
      [
        [4, 3],
        [4, 3],
      ],
    ],
    [
      { axes: [2, 2] },
      [
        [2, 3, 4],
        [2, 5, 4],
      ],
    ],
    [
      { axes: [1, 2], normalize: true },
      [
        [2, 4, 3],
        [2, 5, 4],
      ],
    ],
    [
      { axes: [1, 1] },
      [
        [2, 4],
        [2, 4, 3],
      ],
    ],
    [
      { axes: [2, 1] },
      [
        [2, 3, 4],
        [2, 4],
      ],
    ],
  ])('matches tfjs-layers (%j on %j)', async (options, shapes) => {
    const inputs = shapes.map((s, i) => randomNormal(s, { seed: i + 1 }));
    await expectSameAsTfjs(new Dot(options), tfl.layers.dot(options as never), inputs);
    dispose(inputs);
  });

  test('rank-4 inputs match a hand-computed batched dot', async () => {
    // tfjs-layers' Dot refuses rank > 3, so this one is checked against loops.
    const x = randomNormal([2, 3, 2, 4], { seed: 1 });
    const y = randomNormal([2, 4, 5], { seed: 2 });
    const out = new Dot({ axes: [3, 1] }).apply([x, y]) as Tensor;
    const [xv, yv] = [await x.data(), await y.data()];
    const want: number[] = [];
    for (let b = 0; b < 2; b++)
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 2; j++)
          for (let n = 0; n < 5; n++) {
            let total = 0;
            for (let k = 0; k < 4; k++) total += xv[((b * 3 + i) * 2 + j) * 4 + k] * yv[(b * 4 + k) * 5 + n];
            want.push(total);
          }
    expect(out.shape).toEqual([2, 3, 2, 5]);
    await expectClose(out, want);
    dispose([x, y, out]);
  });

  test('options and shapes are checked', () => {
    const before = memory().numTensors;
    expect(() => new Dot({ axes: [1, 2, 3] as never })).toThrow(
      'Dot: axes must be an integer or a pair of integers [axisOfFirst, axisOfSecond], received [1,2,3]',
    );
    expect(() => new Dot({} as never)).toThrow(
      'Dot: axes must be an integer or a pair of integers [axisOfFirst, axisOfSecond], received undefined',
    );
    const dot = new Dot({ axes: 1, name: 'bad_dot' });
    expect(() =>
      dot.ensureBuilt([
        [null, 4],
        [null, 5],
      ]),
    ).toThrow(
      'Dot layer "bad_dot": inputs have incompatible shapes [null,4] and [null,5]: axis 1 of the first (4) and axis 1 of the second (5) must have the same size',
    );
    expect(() =>
      new Dot({ axes: 0, name: 'batch_dot' }).computeOutputShape([
        [null, 4],
        [null, 4],
      ]),
    ).toThrow('Dot layer "batch_dot": axis 0 is the batch axis; Dot sums over an axis after the batch axis');
    expect(() =>
      dot.computeOutputShape([
        [null, 4],
        [null, 4],
        [null, 4],
      ]),
    ).toThrow('Dot layer "bad_dot" must be called on a list of exactly 2 inputs, received 3');
    expect(() => tidy(() => dot.apply([tensor([[1, 2]]), tensor([[1, 2, 3]])]))).toThrow(
      /incompatible shapes \[1,2\] and \[1,3\]/,
    );
    expect(memory().numTensors).toBe(before);
  });

  test('traces with an unknown batch size', () => {
    expect(
      traceShape(new Dot({ axes: 2 }), [
        [null, 3, 4],
        [null, 5, 4],
      ]),
    ).toEqual([null, 3, 5]);
    expect(
      traceShape(new Dot({ axes: [3, 1] }), [
        [null, 3, 2, 4],
        [null, 4, 5],
      ]),
    ).toEqual([null, 3, 2, 5]);
    expect(
      traceShape(new Dot({ axes: 1, normalize: true }), [
        [null, 4],
        [null, 4],
      ]),
    ).toEqual([null, 1]);
  });
});
