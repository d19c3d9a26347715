import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Permute } from './permute';
import { runLayerTest } from '../../testing';
import { expectMatchesTfjs } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('Permute passes runLayerTest', async () => {
  await runLayerTest(Permute, {
    options: { dims: [2, 1] },
    inputShape: [2, 3, 4],
    expectedOutputShape: [2, 4, 3],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(Permute, {
    options: { dims: [3, 1, 2] },
    inputShape: [2, 3, 4, 5],
    expectedOutputShape: [2, 5, 3, 4],
  });
});

test('Permute matches tfjs-layers on cpu and wasm', async () => {
  await expectMatchesTfjs({
    make: () => new Permute({ dims: [3, 1, 2] }),
    reference: () => tfl.layers.permute({ dims: [3, 1, 2] }),
    inputShape: [2, 3, 4, 5],
  });
  await expectMatchesTfjs({
    make: () => new Permute({ dims: [2, 1] }),
    reference: () => tfl.layers.permute({ dims: [2, 1] }),
    inputShape: [2, 3, 4],
  });
});

test('Permute takes 1-based dims as Keras and checks them', () => {
  expect(new Permute({ dims: [2, 1] }).computeOutputShape([null, 3, null])).toEqual([null, null, 3]);
  expect(() => new Permute({ dims: [0, 1] })).toThrow(
    'Permute: dims must be a permutation of 1..n over the non-batch axes (1-based, as Keras), e.g. [2, 1]; received [0,1]',
  );
  expect(() => new Permute({ dims: [1, 1] })).toThrow(/received \[1,1\]/);
  const layer = new Permute({ dims: [2, 1], name: 'perm' });
  expect(() => layer.apply(tensor([1, 2], [1, 2]))).toThrow(
    'Input 0 of layer "perm" is incompatible: expected ndim=3, found ndim=2, received shape [1,2]',
  );
});
