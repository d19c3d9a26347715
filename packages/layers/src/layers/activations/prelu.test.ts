import * as tfl from '@tensorflow/tfjs-layers';
import { randomNormal, tensor, dispose } from '@strata/tensor';
import { PReLU } from './prelu';
import { runLayerTest } from '../../testing';
import {
  compareWithTfjsLayer,
  describeEachBackend,
  expectAllClose,
  useCpuBackend,
} from '../../testing/core-layer-oracle';

useCpuBackend();

describeEachBackend('PReLU', () => {
  test('passes runLayerTest', async () => {
    // alpha = 0 (the default) gets no gradient from a sum of squares: relu(x) * relu(-x) is 0.
    await runLayerTest(PReLU, {
      options: { alphaInitializer: { className: 'Constant', config: { value: 0.25 } } },
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 1,
    });
    await runLayerTest(PReLU, {
      options: { sharedAxes: [1, 2], alphaInitializer: 'ones', alphaRegularizer: 'l2', alphaConstraint: 'nonNeg' },
      inputShape: [2, 3, 4, 5],
      expectedOutputShape: [2, 3, 4, 5],
    });
  });

  test.each([null, [1], [1, 2]])('matches tfjs-layers with sharedAxes=%j', async (sharedAxes) => {
    const x = randomNormal([2, 3, 4, 2], { seed: 9 });
    const layer = new PReLU({
      sharedAxes,
      alphaInitializer: { className: 'RandomNormal', config: { stddev: 0.5, seed: 1 } },
    });
    await compareWithTfjsLayer(layer, tfl.layers.prelu(sharedAxes ? { sharedAxes } : {}), x);
    x.dispose();
    layer.dispose();
  });
});

test('PReLU shapes alpha like the input (1 on shared axes) and fixes the input spec', async () => {
  const layer = new PReLU({ sharedAxes: 2, alphaInitializer: { className: 'Constant', config: { value: 0.25 } } });
  const x = tensor([
    [
      [-4, 2],
      [1, -8],
    ],
  ]);
  const y = layer.apply(x);
  expect(layer.alpha.shape).toEqual([2, 1]);
  await expectAllClose(y, { shape: [1, 2, 2], values: [-1, 2, 1, -2] });
  expect(() =>
    layer.apply(
      tensor([
        [
          [1, 2, 3],
          [1, 2, 3],
          [1, 2, 3],
        ],
      ]),
    ),
  ).toThrow(/expected axis 1 to have value 2, received shape \[1,3,3\]/);
  dispose([x, y]);
  layer.dispose();
});

test('PReLU validates sharedAxes and unknown sizes', () => {
  expect(() => new PReLU({ sharedAxes: [0] })).toThrow(
    'PReLU: sharedAxes must be an axis or a list of axes >= 1 (axis 0 is the batch), received [0]',
  );
  expect(() => new PReLU({ sharedAxes: [3], name: 'p_axes' }).ensureBuilt([null, 4, 5])).toThrow(
    'Layer "p_axes": sharedAxes [3] name axis 3, but the input [null,4,5] has axes 1 to 2 after the batch',
  );
  expect(() => new PReLU({ name: 'p_unknown' }).ensureBuilt([null, null, 5])).toThrow(
    /axis 1 of the input \[null,null,5\] is unknown, so it needs its own alpha size; give it a fixed size or list it in sharedAxes/,
  );
  const shared = new PReLU({ sharedAxes: [1] });
  shared.ensureBuilt([null, null, 5]);
  expect(shared.alpha.shape).toEqual([1, 5]);
  expect(shared.getConfig()).toMatchObject({
    sharedAxes: [1],
    alphaInitializer: { className: 'Zeros', config: {} },
    alphaRegularizer: null,
    alphaConstraint: null,
  });
  shared.dispose();
});
