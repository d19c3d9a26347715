import * as tfl from '@tensorflow/tfjs-layers';
import { tensor, randomNormal, dispose } from '@strata/tensor';
import { ELU } from './elu';
import { runLayerTest } from '../../testing';
import {
  compareWithTfjsLayer,
  describeEachBackend,
  expectAllClose,
  useCpuBackend,
} from '../../testing/core-layer-oracle';

useCpuBackend();

describeEachBackend('ELU', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(ELU, {
      options: {},
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(ELU, { options: { alpha: 0.5 }, inputShape: [2, 3, 4], expectedOutputShape: [2, 3, 4] });
  });

  test('matches tfjs-layers (which supports only alpha = 1)', async () => {
    const x = randomNormal([3, 4], { seed: 4, stddev: 2 });
    await compareWithTfjsLayer(new ELU(), tfl.layers.elu(), x);
    x.dispose();
  });

  test.each([0.5, 2, -1])('alpha=%s gives x above 0 and alpha (e^x - 1) below', async (alpha) => {
    const values = [-3, -1, -0.1, 0, 0.1, 2];
    const x = tensor(values);
    const y = new ELU({ alpha }).apply(x);
    await expectAllClose(y, { shape: [6], values: values.map((v) => (v > 0 ? v : alpha * Math.expm1(v))) });
    dispose([x, y]);
  });
});

test('ELU validates alpha', () => {
  expect(() => new ELU({ alpha: Number.NaN })).toThrow('ELU: alpha must be a number, received NaN');
  expect(new ELU({ alpha: 0.7 }).getConfig()).toMatchObject({ alpha: 0.7 });
});
