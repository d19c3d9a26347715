import * as tfl from '@tensorflow/tfjs-layers';
import { ones, randomNormal, type Tensor } from '@strata/tensor';
import { SpatialDropout1D } from './spatial-dropout1d';
import { SpatialDropout2D } from './spatial-dropout2d';
import { SpatialDropout3D } from './spatial-dropout3d';
import { runLayerTest } from '../../testing';
import { compareWithTfjsLayer, describeEachBackend, useCpuBackend } from '../../testing/core-layer-oracle';
import type { Layer } from '../../layer';

useCpuBackend();

/** Every (example, channel) pair must be all dropped or all kept, across every position. */
async function expectWholeChannels(layer: Layer, shape: number[], channelAxis: number): Promise<void> {
  const x = ones(shape);
  const y = layer.apply(x, { training: true }) as Tensor;
  const values = await y.data();
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const seen = new Map<string, Set<number>>();
  values.forEach((v, flat) => {
    const index = shape.map((_, i) => Math.floor(flat / strides[i]) % shape[i]);
    const key = `${index[0]}:${index[channelAxis]}`;
    if (!seen.has(key)) seen.set(key, new Set());
    seen.get(key)!.add(v);
  });
  for (const set of seen.values()) expect(set.size).toBe(1);
  const kept = [...seen.values()].filter((s) => !s.has(0)).length / seen.size;
  expect(kept).toBeGreaterThan(0.2);
  expect(kept).toBeLessThan(0.8);
  x.dispose();
  y.dispose();
}

describeEachBackend('SpatialDropout', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(SpatialDropout1D, {
      options: { rate: 0.5 },
      inputShape: [2, 3, 4],
      expectedOutputShape: [2, 3, 4],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(SpatialDropout2D, {
      options: { rate: 0.5, dataFormat: 'channels_first', seed: 1 },
      inputShape: [2, 3, 4, 5],
      expectedOutputShape: [2, 3, 4, 5],
    });
    await runLayerTest(SpatialDropout3D, {
      options: { rate: 0.2 },
      inputShape: [1, 2, 3, 2, 4],
      expectedOutputShape: [1, 2, 3, 2, 4],
    });
  });

  test('SpatialDropout1D is the identity in inference, as tfjs-layers', async () => {
    const x = randomNormal([2, 5, 3], { seed: 2 });
    await compareWithTfjsLayer(new SpatialDropout1D({ rate: 0.5 }), tfl.layers.spatialDropout1d({ rate: 0.5 }), x, {
      callOptions: { training: false },
    });
    x.dispose();
  });

  test('in training, whole channels are dropped together', async () => {
    await expectWholeChannels(new SpatialDropout1D({ rate: 0.5, seed: 1 }), [8, 6, 10], 2);
    await expectWholeChannels(new SpatialDropout2D({ rate: 0.5, seed: 2 }), [8, 3, 4, 10], 3);
    await expectWholeChannels(
      new SpatialDropout2D({ rate: 0.5, seed: 3, dataFormat: 'channels_first' }),
      [8, 10, 3, 4],
      1,
    );
    await expectWholeChannels(new SpatialDropout3D({ rate: 0.5, seed: 4 }), [6, 2, 3, 2, 10], 4);
  });
});

test('SpatialDropout checks rank, dataFormat and noiseShape', () => {
  expect(() => new SpatialDropout1D({ rate: 0.5, name: 'sd1' }).apply(ones([2, 3]))).toThrow(
    'Input 0 of layer "sd1" is incompatible: expected ndim=3, found ndim=2, received shape [2,3]',
  );
  expect(() => new SpatialDropout2D({ rate: 0.5, dataFormat: 'nhwc' as never })).toThrow(
    `SpatialDropout2D: dataFormat must be 'channels_last' or 'channels_first', received "nhwc"`,
  );
  expect(() => new SpatialDropout2D({ rate: 0.5, noiseShape: [1] } as never)).toThrow(
    'SpatialDropout2D: noiseShape is set by the layer',
  );
  expect(() => new SpatialDropout1D({ rate: 2 })).toThrow(
    'SpatialDropout1D: rate must be a number >= 0 and < 1, received 2',
  );
  expect(new SpatialDropout2D({ rate: 0.5, dataFormat: 'channels_first' }).getConfig()).toMatchObject({
    rate: 0.5,
    seed: null,
    dataFormat: 'channels_first',
  });
  expect(new SpatialDropout1D({ rate: 0.5 }).getConfig()).not.toHaveProperty('noiseShape');
});
