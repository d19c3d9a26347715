import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { RepeatVector } from './repeat-vector';
import { runLayerTest } from '../../testing';
import { expectMatchesTfjs } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('RepeatVector passes runLayerTest', async () => {
  await runLayerTest(RepeatVector, {
    options: { n: 3 },
    inputShape: [2, 4],
    expectedOutputShape: [2, 3, 4],
    expectedTrainableWeights: 0,
  });
});

test('RepeatVector matches tfjs-layers on cpu and wasm', async () => {
  await expectMatchesTfjs({
    make: () => new RepeatVector({ n: 3 }),
    reference: () => tfl.layers.repeatVector({ n: 3 }),
    inputShape: [2, 4],
  });
});

test('RepeatVector checks n and the input rank', () => {
  expect(new RepeatVector({ n: 2 }).computeOutputShape([null, 5])).toEqual([null, 2, 5]);
  expect(() => new RepeatVector({ n: 1.5 })).toThrow('RepeatVector: n must be a positive integer, received 1.5');
  expect(() => new RepeatVector({ n: 2, name: 'rv' }).apply(tensor([1, 2], [1, 1, 2]))).toThrow(
    /Input 0 of layer "rv" is incompatible: expected ndim=2, found ndim=3/,
  );
});
