import * as tfl from '@tensorflow/tfjs-layers';
import { ones, randomNormal, tensor, dispose, memory, type Tensor } from '@strata/tensor';
import { Dropout } from './dropout';
import { runLayerTest } from '../../testing';
import {
  compareWithTfjsLayer,
  describeEachBackend,
  expectAllClose,
  useCpuBackend,
} from '../../testing/core-layer-oracle';

useCpuBackend();

async function valuesOf(layer: Dropout, x: Tensor, training: boolean): Promise<Float32Array> {
  const y = layer.apply(x, { training });
  const v = (await y.data()) as Float32Array;
  y.dispose();
  return v;
}

describeEachBackend('Dropout', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(Dropout, {
      options: { rate: 0.5 },
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(Dropout, {
      options: { rate: 0.3, noiseShape: [null, 1, null], seed: 4 },
      inputShape: [2, 3, 4],
      expectedOutputShape: [2, 3, 4],
    });
  });

  test('is the identity in inference, as tfjs-layers', async () => {
    const x = randomNormal([4, 5], { seed: 1 });
    await compareWithTfjsLayer(new Dropout({ rate: 0.5 }), tfl.layers.dropout({ rate: 0.5 }), x, {
      callOptions: { training: false },
    });
    x.dispose();
  });

  test('in training drops about `rate` of the inputs and scales the rest by 1 / (1 - rate)', async () => {
    const x = ones([100, 100]);
    const values = await valuesOf(new Dropout({ rate: 0.3, seed: 7 }), x, true);
    const dropped = values.filter((v) => v === 0).length / values.length;
    expect(Math.abs(dropped - 0.3)).toBeLessThan(0.02);
    for (const v of values) if (v !== 0) expect(v).toBeCloseTo(1 / 0.7, 5);
    x.dispose();
  });

  test('a seed makes the sequence of masks reproducible; each call draws a new mask', async () => {
    const x = ones([8, 8]);
    const [a, b] = [new Dropout({ rate: 0.5, seed: 3 }), new Dropout({ rate: 0.5, seed: 3 })];
    const [a1, a2, b1, b2] = [
      await valuesOf(a, x, true),
      await valuesOf(a, x, true),
      await valuesOf(b, x, true),
      await valuesOf(b, x, true),
    ];
    expect(Array.from(a1)).toEqual(Array.from(b1));
    expect(Array.from(a2)).toEqual(Array.from(b2));
    expect(Array.from(a1)).not.toEqual(Array.from(a2));
    x.dispose();
  });

  test('noiseShape shares one draw along its axes of size 1', async () => {
    const x = ones([4, 6, 5]);
    const values = await valuesOf(new Dropout({ rate: 0.5, noiseShape: [null, 1, null], seed: 2 }), x, true);
    for (let b = 0; b < 4; b++) {
      for (let c = 0; c < 5; c++) {
        const column = Array.from({ length: 6 }, (_, t) => values[b * 30 + t * 5 + c]);
        expect(new Set(column).size).toBe(1);
      }
    }
    x.dispose();
  });

  test('rate 0 and inference return a new tensor with the same values', async () => {
    const before = memory().numTensors;
    const x = tensor([1, 2, 3]);
    const y = new Dropout({ rate: 0 }).apply(x, { training: true });
    expect(y).not.toBe(x);
    await expectAllClose(y, { shape: [3], values: [1, 2, 3] });
    dispose([x, y]);
    expect(memory().numTensors).toBe(before);
  });
});

test('Dropout validates its options', () => {
  expect(() => new Dropout({ rate: 1 })).toThrow('Dropout: rate must be a number >= 0 and < 1, received 1');
  expect(() => new Dropout({ rate: -0.1 })).toThrow('Dropout: rate must be a number >= 0 and < 1, received -0.1');
  expect(() => new Dropout({} as never)).toThrow('Dropout: rate must be a number >= 0 and < 1, received undefined');
  expect(() => new Dropout({ rate: 0.5, noiseShape: [0, 1] })).toThrow(
    "Dropout: noiseShape must be a list of positive integers and nulls (null takes the input's size), received [0,1]",
  );
  expect(() => new Dropout({ rate: 0.5, seed: {} as never })).toThrow(
    'Dropout: seed must be a number, a string or null, received {}',
  );
  expect(new Dropout({ rate: 0.2, seed: 5, noiseShape: [null, 1] }).getConfig()).toMatchObject({
    rate: 0.2,
    seed: 5,
    noiseShape: [null, 1],
  });
});
