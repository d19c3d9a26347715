import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { AveragePooling1D } from './average-pooling1d';
import { runLayerTest } from '../../testing';
import { expectMatchesTfjs } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('AveragePooling1D passes runLayerTest', async () => {
  await runLayerTest(AveragePooling1D, {
    options: {},
    inputShape: [2, 9, 3],
    expectedOutputShape: [2, 4, 3],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(AveragePooling1D, {
    options: { poolSize: 3, strides: 2, padding: 'same' },
    inputShape: [2, 9, 3],
    expectedOutputShape: [2, 5, 3],
  });
  await runLayerTest(AveragePooling1D, {
    options: { dataFormat: 'channels_first' },
    inputShape: [2, 3, 9],
    expectedOutputShape: [2, 3, 4],
  });
});

test('AveragePooling1D matches tfjs-layers on cpu and wasm', async () => {
  const cases = [{}, { poolSize: 3 }, { poolSize: 3, strides: 2, padding: 'same' }, { poolSize: 3, strides: 1 }];
  for (const c of cases) {
    // tfjs's AvgPoolGrad divides by the whole window even where 'same' padding cut it (its forward
    // pass does not): 'same' gradients are checked against the window-sum reference below instead.
    await expectMatchesTfjs({
      make: () => new AveragePooling1D({ ...c } as never),
      reference: () => tfl.layers.averagePooling1d({ ...c } as never),
      inputGradient: !('padding' in c),
      inputShape: [2, 9, 3],
    });
  }
  // tfjs-layers's 1-D pooling has no dataFormat: its reference runs on the transposed input, transposed back.
  await expectMatchesTfjs({
    make: () => new AveragePooling1D({ dataFormat: 'channels_first', padding: 'same' }),
    inputGradient: false,
    reference: () => tfl.layers.averagePooling1d({ padding: 'same' }),
    referenceInput: (x) => tfc.transpose(x, [0, 2, 1]),
    referenceOutput: (y) => tfc.transpose(y, [0, 2, 1]),
    inputShape: [2, 9, 3],
  });
});

test('AveragePooling1D config: strides default to poolSize, lists as Keras; bad options are refused', () => {
  const layer = new AveragePooling1D();
  expect(layer.getConfig()).toMatchObject({
    poolSize: [2],
    strides: [2],
    padding: 'valid',
    dataFormat: 'channels_last',
  });
  expect(layer.computeOutputShape([null, 9, 3])).toEqual([null, 4, 3]);
  expect(() => new AveragePooling1D({ poolSize: [2, 2] })).toThrow(
    'AveragePooling1D: poolSize must be a positive integer or a list of 1 positive integers, received [2,2]',
  );
  expect(() => new AveragePooling1D({ padding: 'full' as never })).toThrow(
    "AveragePooling1D: padding must be 'valid', 'same', received \"full\"",
  );
  expect(() => new AveragePooling1D({ poolSize: 3, name: 'small_pool' }).computeOutputShape([1, 2, 3])).toThrow(
    /Layer "small_pool": the input \(channels last: .*\) is smaller than the window poolSize=/,
  );
});

/** Average pooling written as (sum of each window) / (steps of each window inside the input), with tfjs ops that tf.grad differentiates. */
function windowMeanReference(poolSize: number, strides: number) {
  const windowSum = (t: tfc.Tensor) =>
    tfc.conv1d(t as tfc.Tensor3D, tfc.ones([poolSize, 1, 1]) as tfc.Tensor3D, strides, 'same');
  const perChannel = (x: tfc.Tensor, f: (c: tfc.Tensor) => tfc.Tensor) =>
    tfc.concat(tfc.split(x, x.shape[2] as number, 2).map(f), 2);
  return {
    apply: (x: tfc.Tensor) => tfc.div(perChannel(x, windowSum), perChannel(tfc.onesLike(x), windowSum)),
    setWeights: () => undefined,
  };
}

test("AveragePooling1D with 'same' padding (output and input gradient) matches a window-sum reference, on cpu and wasm", async () => {
  await expectMatchesTfjs({
    make: () => new AveragePooling1D({ poolSize: 3, strides: 2, padding: 'same' }),
    reference: () => windowMeanReference(3, 2),
    inputShape: [2, 9, 3],
  });
});
