import { setBackend, randomNormal } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Dense } from '@strata/layers';
import { Sequential, type Model } from '@strata/models';
import { detectDialect, toStrataDialect } from './dialect';
import { modelFromJSON } from './model-json';
import { copyWeights, expectSamePredictions } from '../testing';

beforeAll(async () => {
  await setBackend(cpu());
});

describe('dialects', () => {
  it('tells them apart: className is Strata, module or keras_version 3 is Keras 3, the rest Keras 2 / TF.js', () => {
    expect(detectDialect({ className: 'Dense', config: {} })).toBe('strata');
    expect(detectDialect({ module: 'keras.layers', class_name: 'Dense', config: {} })).toBe('keras3');
    expect(detectDialect({ class_name: 'Sequential', config: {}, keras_version: '3.5.0' })).toBe('keras3');
    expect(detectDialect({ class_name: 'Sequential', config: {}, keras_version: '2.15.0', module: 'keras' })).toBe(
      'legacy',
    );
    expect(detectDialect({ class_name: 'Sequential', config: {}, keras_version: 'tfjs-layers 4.22.0' })).toBe('legacy');
    expect(() => detectDialect({ name: 'x' })).toThrow(
      /expected a model config with "class_name" \(Keras, TF\.js\) or "className" \(Strata\)/,
    );
  });

  it('reads Keras 2 defaults and semantics: None options, LeakyReLU alpha, hard_sigmoid, GRU reset_after, dtype policies', () => {
    const config = toStrataDialect({
      class_name: 'Sequential',
      keras_version: '2.4.0',
      config: {
        name: 's',
        layers: [
          {
            class_name: 'LeakyReLU',
            config: {
              name: 'l',
              alpha: 0.3,
              dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' } },
            },
          },
          {
            class_name: 'GRU',
            config: { name: 'g', units: 2, recurrent_activation: 'hard_sigmoid', implementation: null },
          },
        ],
      },
    }) as any;
    expect(config.config.layers[0].config).toEqual({ name: 'l', negativeSlope: 0.3, dtype: 'float32' });
    expect(config.config.layers[1].config).toEqual({
      name: 'g',
      units: 2,
      recurrentActivation: 'hard_sigmoid_keras2',
      resetAfter: false,
    });
  });

  it('reads a Keras 2.0 Sequential whose config is the bare list of its layers', async () => {
    const text = JSON.stringify({
      class_name: 'Sequential',
      keras_version: '2.0.8',
      config: [
        {
          class_name: 'Dense',
          config: { name: 'd', units: 2, activation: 'relu', batch_input_shape: [null, 3], use_bias: true },
        },
      ],
    });
    const m = modelFromJSON(text) as Model;
    expect(m).toBeInstanceOf(Sequential);
    const twin = new Sequential([new Dense({ units: 2, activation: 'relu', inputShape: [3] })]);
    copyWeights(m, twin);
    const x = randomNormal([2, 3], { seed: 1 });
    await expectSamePredictions(twin, m, x);
    x.dispose();
    twin.dispose();
    m.dispose();
  });
});
