import * as tfl from '@tensorflow/tfjs-layers';
import { dispose, memory, randomNormal, tensor, tidy, type Tensor } from '@strata/tensor';
import { Concatenate } from './concatenate';
import { maskOf, setMask } from '../../masking';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectSameAsTfjs, traceShape } from '../../testing/layer-oracle';

describeOnBackends('Concatenate', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(Concatenate, {
      options: {},
      inputShape: [
        [2, 3],
        [2, 4],
      ],
      expectedOutputShape: [2, 7],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(Concatenate, {
      options: { axis: 1 },
      inputShape: [
        [2, 3, 4],
        [2, 2, 4],
        [2, 1, 4],
      ],
      expectedOutputShape: [2, 6, 4],
    });
  });

  test.each([
    [
      -1,
      [
        [4, 2],
        [4, 3],
      ],
    ],
    [
      1,
      [
        [2, 3, 4],
        [2, 2, 4],
      ],
    ],
    [
      -2,
      [
        [2, 1, 3],
        [2, 2, 3],
        [2, 3, 3],
      ],
    ],
  ])('matches tfjs-layers (axis %j on %j)', async (axis, shapes) => {
    const inputs = shapes.map((s, i) => randomNormal(s, { seed: i + 1 }));
    // tfjs-layers mishandles negative axes other than -1, so its twin gets the axis counted from the front.
    const twinAxis = axis < -1 ? axis + shapes[0].length : axis;
    await expectSameAsTfjs(new Concatenate({ axis }), tfl.layers.concatenate({ axis: twinAxis }), inputs);
    dispose(inputs);
  });

  test('shape errors name the layer, both shapes and the axis', () => {
    const before = memory().numTensors;
    const layer = new Concatenate({ name: 'bad_concat' });
    expect(() =>
      layer.ensureBuilt([
        [null, 4, 3],
        [null, 5, 2],
      ]),
    ).toThrow(
      'Concatenate layer "bad_concat": inputs must match on every axis but the concatenation axis (-1), received shapes [null,4,3] and [null,5,2] (inputs 0 and 1), which differ on axis 1',
    );
    expect(
      layer.computeOutputShape([
        [null, 4, 3],
        [null, null, 2],
      ]),
    ).toEqual([null, 4, 5]);
    expect(
      layer.computeOutputShape([
        [null, 4, null],
        [null, 4, 2],
      ]),
    ).toEqual([null, 4, null]);
    expect(() =>
      layer.computeOutputShape([
        [null, 4],
        [null, 4, 1],
      ]),
    ).toThrow(
      'Concatenate layer "bad_concat": inputs must all have the same rank, received shapes [null,4] and [null,4,1] (inputs 0 and 1)',
    );
    expect(() =>
      new Concatenate({ axis: 3, name: 'concat_axis' }).computeOutputShape([
        [null, 4],
        [null, 4],
      ]),
    ).toThrow(
      'Concatenate layer "concat_axis": axis 3 is out of range for inputs of rank 2 (shape [null,4]); use an axis in [-2, 1]',
    );
    expect(() => tidy(() => layer.apply([tensor([[1]]), tensor([[[1]]])]))).toThrow(/must all have the same rank/);
    expect(memory().numTensors).toBe(before);
  });

  test('masks follow Keras: unmasked inputs count as all true, then any() over the last axis', async () => {
    const a = randomNormal([2, 3, 2], { seed: 1 });
    const b = randomNormal([2, 2, 2], { seed: 2 });
    const ma = tensor([
      [true, false, true],
      [false, false, true],
    ]);
    setMask(a, ma);
    const y = new Concatenate({ axis: 1 }).apply([a, b]) as Tensor;
    const mask = maskOf(y)!;
    expect(await mask.array()).toEqual([
      [1, 0, 1, 1, 1],
      [0, 0, 1, 1, 1],
    ]);
    dispose([a, b, ma, y, mask]);
  });

  test('traces with unknown sizes', () => {
    expect(
      traceShape(new Concatenate(), [
        [null, null, 3],
        [null, null, 2],
      ]),
    ).toEqual([null, null, 5]);
    expect(
      traceShape(new Concatenate({ axis: 1 }), [
        [null, null, 3],
        [null, 2, 3],
      ]),
    ).toEqual([null, null, 3]);
  });
});
