import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setBackend, tensor, randomNormal, dispose, memory, tidy } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Dense } from './dense';
import { runLayerTest } from '../../testing';
import { clearSession } from '../../naming';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('Dense passes runLayerTest', async () => {
  await runLayerTest(Dense, {
    options: { units: 3, activation: 'relu' },
    inputShape: [2, 4],
    expectedOutputShape: [2, 3],
    expectedTrainableWeights: 2,
  });
  await runLayerTest(Dense, {
    options: { units: 5, useBias: false },
    inputShape: [2, 3, 4],
    expectedOutputShape: [2, 3, 5],
    expectedTrainableWeights: 1,
  });
});

test('Dense matches tfjs-layers given the same weights', async () => {
  const layer = new Dense({ units: 3, activation: 'tanh' });
  const x = randomNormal([4, 5], { seed: 3 });
  const y = layer.apply(x);
  const ref = tfl.layers.dense({ units: 3, activation: 'tanh' });
  const tx = tfc.tensor((await x.array()) as number[][]);
  ref.apply(tx);
  ref.setWeights(
    await Promise.all(
      layer.getWeights().map(async (w) => {
        const t = tfc.tensor(await w.data(), [...w.shape]);
        w.dispose();
        return t;
      }),
    ),
  );
  const ty = ref.apply(tx) as tfc.Tensor;
  const want = await ty.data();
  const got = await y.data();
  got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
  dispose([x, y]);
  layer.dispose();
  tfc.dispose([tx, ty]);
});

test('names are unique and snake_case; weights follow Keras order and paths', () => {
  clearSession();
  const a = new Dense({ units: 2 });
  const b = new Dense({ units: 2 });
  expect([a.name, b.name]).toEqual(['dense', 'dense_1']);
  const y = a.apply(tensor([[1, 2, 3]]));
  expect(a.weights.map((w) => w.name)).toEqual(['dense/kernel', 'dense/bias']);
  expect(a.countParams()).toBe(8);
  dispose(y);
  a.dispose();
  b.dispose();
});

test('a wrong input names the layer, the spec and the shape', () => {
  const layer = new Dense({ units: 2, name: 'dense_2' });
  tidy(() => layer.apply(tensor([[1, 2, 3]])));
  expect(() => layer.apply(randomNormal([32, 780]))).toThrow(
    'Input 0 of layer "dense_2" is incompatible: expected axis -1 to have value 3, received shape [32,780]',
  );
  expect(() => new Dense({ units: 0 })).toThrow(/units must be a positive integer, received 0/);
  layer.dispose();
});

test('trainable = false freezes; setWeights checks shapes', () => {
  const before = memory().numTensors;
  const layer = new Dense({ units: 2 });
  tidy(() => {
    layer.apply(tensor([[1, 2]]));
  });
  layer.trainable = false;
  expect(layer.trainableWeights).toHaveLength(0);
  expect(layer.nonTrainableWeights).toHaveLength(2);
  layer.trainable = true;
  expect(layer.trainableWeights).toHaveLength(2);
  expect(() => tidy(() => layer.setWeights([tensor([[1, 2]]), tensor([0, 0])]))).toThrow(
    /weight 0 \(dense(_\d+)?\/kernel\) has shape \[2,2\], but setWeights received shape \[1,2\]/,
  );
  layer.dispose();
  expect(memory().numTensors).toBe(before);
});
