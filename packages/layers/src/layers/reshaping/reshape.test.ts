import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Reshape } from './reshape';
import { runLayerTest } from '../../testing';
import { expectMatchesTfjs } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('Reshape passes runLayerTest', async () => {
  await runLayerTest(Reshape, {
    options: { targetShape: [3, 4] },
    inputShape: [2, 12],
    expectedOutputShape: [2, 3, 4],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(Reshape, {
    options: { targetShape: [-1, 2, 2] },
    inputShape: [2, 3, 4],
    expectedOutputShape: [2, 3, 2, 2],
  });
});

test('Reshape matches tfjs-layers on cpu and wasm', async () => {
  await expectMatchesTfjs({
    make: () => new Reshape({ targetShape: [4, -1] }),
    reference: () => tfl.layers.reshape({ targetShape: [4, -1] }),
    inputShape: [2, 3, 4],
  });
  await expectMatchesTfjs({
    make: () => new Reshape({ targetShape: [6, 2] }),
    reference: () => tfl.layers.reshape({ targetShape: [6, 2] }),
    inputShape: [2, 3, 4],
  });
});

test('Reshape resolves -1 in shapes, refuses sizes that do not match', () => {
  const layer = new Reshape({ targetShape: [-1, 2], name: 'reshape_bad' });
  expect(layer.computeOutputShape([null, 3, 4])).toEqual([null, 6, 2]);
  expect(layer.computeOutputShape([null, null, 4])).toEqual([null, null, 2]);
  expect(() => layer.computeOutputShape([null, 3, 3])).toThrow(
    'Layer "reshape_bad": cannot reshape an input of shape [null,3,3] (9 values per sample) to targetShape [-1,2]: 9 is not a multiple of 2; the sizes must match',
  );
  expect(() => new Reshape({ targetShape: [5], name: 'r5' }).apply(tensor([1, 2, 3, 4], [1, 4]))).toThrow(
    /Layer "r5": cannot reshape an input of shape \[1,4\] \(4 values per sample\) to targetShape \[5\] \(5 values\)/,
  );
  expect(() => new Reshape({ targetShape: [-1, -1] })).toThrow(
    'Reshape: targetShape may contain at most one -1, received [-1,-1]',
  );
  expect(() => new Reshape({ targetShape: [0, 2] })).toThrow(
    'Reshape: targetShape must be a list of positive integers (one may be -1), received [0,2]',
  );
  expect(layer.getConfig()).toMatchObject({ targetShape: [-1, 2] });
});
