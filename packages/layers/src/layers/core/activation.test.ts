import * as tfl from '@tensorflow/tfjs-layers';
import { randomNormal, tensor, dispose } from '@strata/tensor';
import { Activation } from './activation';
import { runLayerTest } from '../../testing';
import { compareWithTfjsLayer, describeEachBackend, useCpuBackend } from '../../testing/core-layer-oracle';

useCpuBackend();
import { maskOf, setMask } from '../../masking';

describeEachBackend('Activation', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(Activation, {
      options: { activation: 'relu' },
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(Activation, {
      options: { activation: 'gelu' },
      inputShape: [2, 3, 4],
      expectedOutputShape: [2, 3, 4],
    });
  });

  // tfjs-layers' names for the activations both libraries have (Keras 3's gelu, mish, silu are checked against formulas in activations/).
  test.each(['relu', 'tanh', 'sigmoid', 'softmax', 'elu', 'selu', 'softplus', 'softsign', 'relu6', 'linear', 'swish'])(
    'matches tfjs-layers for %s',
    async (name) => {
      const x = randomNormal([3, 5], { seed: 7, stddev: 2 });
      const tfName = name === 'swish' ? 'swish' : name;
      await compareWithTfjsLayer(
        new Activation({ activation: name }),
        tfl.layers.activation({ activation: tfName as never }),
        x,
      );
      x.dispose();
    },
  );
});

test('Activation passes the input mask through', () => {
  const layer = new Activation({ activation: 'tanh' });
  const x = tensor([[1, 2]]);
  const mask = tensor([[true, false]], undefined, 'bool');
  setMask(x, mask);
  const y = layer.apply(x);
  expect(maskOf(y)).toBe(mask);
  dispose([x, y, mask]);
});

test('Activation config round-trips names and refuses unknown ones', () => {
  expect(new Activation({ activation: 'leaky_relu' }).getConfig().activation).toBe('leaky_relu');
  expect(new Activation({ activation: 'hardSigmoid' }).getConfig().activation).toBe('hard_sigmoid');
  expect(() => new Activation({ activation: 'nope' })).toThrow(
    /unknown activation "nope"; expected one of linear, relu/,
  );
  expect(() => new Activation({} as never)).toThrow(/Activation: the activation option is required/);
});
