import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { AveragePooling2D } from './average-pooling2d';
import { runLayerTest } from '../../testing';
import { expectMatchesTfjs } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('AveragePooling2D passes runLayerTest', async () => {
  await runLayerTest(AveragePooling2D, {
    options: {},
    inputShape: [2, 7, 8, 3],
    expectedOutputShape: [2, 3, 4, 3],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(AveragePooling2D, {
    options: { poolSize: [3, 2], strides: [2, 1], padding: 'same' },
    inputShape: [2, 7, 8, 3],
    expectedOutputShape: [2, 4, 8, 3],
  });
  await runLayerTest(AveragePooling2D, {
    options: { dataFormat: 'channels_first' },
    inputShape: [2, 3, 7, 8],
    expectedOutputShape: [2, 3, 3, 4],
  });
});

test('AveragePooling2D matches tfjs-layers on cpu and wasm', async () => {
  const cases = [
    {},
    { poolSize: [3, 2] },
    { poolSize: [3, 2], strides: [2, 1], padding: 'same' },
    { poolSize: [3, 2], strides: 1 },
  ];
  for (const c of cases) {
    // tfjs's AvgPoolGrad divides by the whole window even where 'same' padding cut it (its forward
    // pass does not): 'same' gradients are checked against the window-sum reference below instead.
    await expectMatchesTfjs({
      make: () => new AveragePooling2D({ ...c } as never),
      reference: () => tfl.layers.averagePooling2d({ ...c } as never),
      inputGradient: !('padding' in c),
      inputShape: [2, 7, 8, 3],
    });
  }
  await expectMatchesTfjs({
    make: () => new AveragePooling2D({ dataFormat: 'channels_first', padding: 'same' }),
    reference: () => tfl.layers.averagePooling2d({ dataFormat: 'channelsFirst', padding: 'same' }),
    inputGradient: false,
    inputShape: [2, 7, 8, 3],
  });
});

/** Average pooling written as (sum of each window) / (cells of each window inside the input), with tfjs ops that tf.grad differentiates. */
function windowMeanReference(poolSize: [number, number], strides: [number, number]) {
  const windowSum = (t: tfc.Tensor) =>
    tfc.depthwiseConv2d(
      t as tfc.Tensor4D,
      tfc.ones([...poolSize, t.shape[3] as number, 1]) as tfc.Tensor4D,
      strides,
      'same',
    );
  return { apply: (x: tfc.Tensor) => tfc.div(windowSum(x), windowSum(tfc.onesLike(x))), setWeights: () => undefined };
}

test("AveragePooling2D with 'same' padding (output and input gradient) matches a window-sum reference, on cpu and wasm", async () => {
  await expectMatchesTfjs({
    make: () => new AveragePooling2D({ poolSize: [3, 2], strides: [2, 1], padding: 'same' }),
    reference: () => windowMeanReference([3, 2], [2, 1]),
    inputShape: [2, 7, 8, 3],
  });
  await expectMatchesTfjs({
    make: () => new AveragePooling2D({ poolSize: 3, padding: 'same' }),
    reference: () => windowMeanReference([3, 3], [3, 3]),
    inputShape: [1, 5, 7, 2],
  });
});

test('AveragePooling2D config: strides default to poolSize, lists as Keras; bad options are refused', () => {
  const layer = new AveragePooling2D();
  expect(layer.getConfig()).toMatchObject({
    poolSize: [2, 2],
    strides: [2, 2],
    padding: 'valid',
    dataFormat: 'channels_last',
  });
  expect(layer.computeOutputShape([null, 7, 8, 3])).toEqual([null, 3, 4, 3]);
  expect(() => new AveragePooling2D({ poolSize: [2, 0] })).toThrow(
    'AveragePooling2D: poolSize must be a positive integer or a list of 2 positive integers, received [2,0]',
  );
  expect(() => new AveragePooling2D({ padding: 'full' as never })).toThrow(
    "AveragePooling2D: padding must be 'valid', 'same', received \"full\"",
  );
  expect(() => new AveragePooling2D({ poolSize: 3, name: 'small_pool' }).computeOutputShape([1, 1, 5, 3])).toThrow(
    /Layer "small_pool": the input \(channels last: .*\) is smaller than the window poolSize=/,
  );
});
