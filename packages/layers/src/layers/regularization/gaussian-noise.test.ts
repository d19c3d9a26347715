import * as tfl from '@tensorflow/tfjs-layers';
import { randomNormal, zeros, ones, dispose, type Tensor } from '@strata/tensor';
import { GaussianNoise } from './gaussian-noise';
import { GaussianDropout } from './gaussian-dropout';
import { runLayerTest } from '../../testing';
import { compareWithTfjsLayer, describeEachBackend, useCpuBackend } from '../../testing/core-layer-oracle';

useCpuBackend();

function meanAndStd(values: ArrayLike<number>): [number, number] {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i] / n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (values[i] - mean) ** 2 / n;
  return [mean, Math.sqrt(variance)];
}

async function trainingValues(layer: GaussianNoise | GaussianDropout, x: Tensor): Promise<Float32Array> {
  const y = layer.apply(x, { training: true });
  const v = (await y.data()) as Float32Array;
  y.dispose();
  return v;
}

describeEachBackend('GaussianNoise and GaussianDropout', () => {
  test('pass runLayerTest', async () => {
    await runLayerTest(GaussianNoise, {
      options: { stddev: 0.5 },
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(GaussianDropout, {
      options: { rate: 0.4, seed: 1 },
      inputShape: [2, 3, 4],
      expectedOutputShape: [2, 3, 4],
    });
  });

  test('are the identity in inference, as tfjs-layers', async () => {
    const x = randomNormal([3, 4], { seed: 5 });
    await compareWithTfjsLayer(new GaussianNoise({ stddev: 0.3 }), tfl.layers.gaussianNoise({ stddev: 0.3 }), x, {
      callOptions: { training: false },
    });
    await compareWithTfjsLayer(new GaussianDropout({ rate: 0.3 }), tfl.layers.gaussianDropout({ rate: 0.3 }), x, {
      callOptions: { training: false },
    });
    x.dispose();
  });

  test('GaussianNoise adds N(0, stddev) noise in training', async () => {
    const x = zeros([200, 100]);
    const [mean, std] = meanAndStd(await trainingValues(new GaussianNoise({ stddev: 0.4, seed: 3 }), x));
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(std - 0.4)).toBeLessThan(0.01);
    x.dispose();
  });

  test('GaussianDropout multiplies by N(1, sqrt(rate / (1 - rate))) in training', async () => {
    const x = ones([200, 100]);
    const [mean, std] = meanAndStd(await trainingValues(new GaussianDropout({ rate: 0.2, seed: 3 }), x));
    expect(Math.abs(mean - 1)).toBeLessThan(0.01);
    expect(Math.abs(std - Math.sqrt(0.2 / 0.8))).toBeLessThan(0.01);
    x.dispose();
  });

  test('a seed makes the noise reproducible; each call draws anew', async () => {
    const x = zeros([4, 4]);
    const [a, b] = [new GaussianNoise({ stddev: 1, seed: 'abc' }), new GaussianNoise({ stddev: 1, seed: 'abc' })];
    const [a1, a2, b1] = [await trainingValues(a, x), await trainingValues(a, x), await trainingValues(b, x)];
    expect(Array.from(a1)).toEqual(Array.from(b1));
    expect(Array.from(a1)).not.toEqual(Array.from(a2));
    dispose(x);
  });
});

test('GaussianNoise and GaussianDropout validate their options', () => {
  expect(() => new GaussianNoise({ stddev: 1.5 })).toThrow(
    'GaussianNoise: stddev must be a number >= 0 and <= 1, received 1.5',
  );
  expect(() => new GaussianNoise({} as never)).toThrow(
    'GaussianNoise: stddev must be a number >= 0 and <= 1, received undefined',
  );
  expect(() => new GaussianDropout({ rate: 1 })).toThrow(
    'GaussianDropout: rate must be a number >= 0 and < 1, received 1',
  );
  expect(() => new GaussianDropout({ rate: 0.1, seed: true as never })).toThrow(
    'GaussianDropout: seed must be a number, a string or null, received true',
  );
  expect(new GaussianNoise({ stddev: 0.1, seed: 2 }).getConfig()).toMatchObject({ stddev: 0.1, seed: 2 });
  expect(new GaussianDropout({ rate: 0.1 }).getConfig()).toMatchObject({ rate: 0.1, seed: null });
});
