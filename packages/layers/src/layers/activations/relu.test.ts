import * as tfl from '@tensorflow/tfjs-layers';
import { tensor, dispose } from '@strata/tensor';
import { ReLU } from './relu';
import { runLayerTest } from '../../testing';
import {
  compareWithTfjsLayer,
  describeEachBackend,
  expectAllClose,
  useCpuBackend,
} from '../../testing/core-layer-oracle';

useCpuBackend();

const inputs = [-4, -1.5, -0.5, 0, 0.25, 0.5, 1, 2.5, 5, 7];

/** keras.activations.relu, elementwise: capped above the threshold, negativeSlope * (x - threshold) at or below. */
function kerasRelu(x: number, { maxValue = null as number | null, negativeSlope = 0, threshold = 0 }): number {
  return x > threshold ? (maxValue === null ? x : Math.min(x, maxValue)) : negativeSlope * (x - threshold);
}

describeEachBackend('ReLU', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(ReLU, {
      options: {},
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(ReLU, {
      options: { maxValue: 6, negativeSlope: 0.1, threshold: 0.5 },
      inputShape: [2, 3, 4],
      expectedOutputShape: [2, 3, 4],
    });
  });

  test.each([null, 6, 2.5])('matches tfjs-layers ReLU with maxValue=%s', async (maxValue) => {
    const x = tensor([inputs]);
    await compareWithTfjsLayer(new ReLU({ maxValue }), tfl.layers.reLU(maxValue === null ? {} : { maxValue }), x);
    x.dispose();
  });

  test('with a threshold and no slope it is tfjs-layers ThresholdedReLU', async () => {
    const x = tensor([inputs]);
    await compareWithTfjsLayer(new ReLU({ threshold: 0.5 }), tfl.layers.thresholdedReLU({ theta: 0.5 }), x);
    x.dispose();
  });

  test.each([
    { negativeSlope: 0.1 },
    { maxValue: 6, negativeSlope: 0.2 },
    { maxValue: 2, negativeSlope: 0.3, threshold: 1 },
    { threshold: 0.5, negativeSlope: 0.5 },
    { maxValue: 0 },
  ])('matches keras.activations.relu for %j', async (options) => {
    const x = tensor([inputs]);
    const y = new ReLU(options).apply(x);
    await expectAllClose(y, { shape: [1, inputs.length], values: inputs.map((v) => kerasRelu(v, options)) });
    dispose([x, y]);
  });
});

test('ReLU validates its options as Keras', () => {
  expect(() => new ReLU({ maxValue: -1 })).toThrow('ReLU: maxValue must be a number >= 0, received -1');
  expect(() => new ReLU({ negativeSlope: -0.1 })).toThrow('ReLU: negativeSlope must be a number >= 0, received -0.1');
  expect(() => new ReLU({ threshold: -1 })).toThrow('ReLU: threshold must be a number >= 0, received -1');
  expect(() => new ReLU({ threshold: null as never })).toThrow('ReLU: threshold must be a number >= 0, received null');
  expect(new ReLU({ maxValue: 6 }).getConfig()).toMatchObject({ maxValue: 6, negativeSlope: 0, threshold: 0 });
});
