import { setBackend, fill, mul, randomNormal, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import {
  Dense,
  Initializer,
  Layer,
  Lambda,
  registerLambda,
  unregisterLambda,
  type ActivationFunction,
} from '@strata/layers';
import { input } from '@strata/graph';
import { Sequential, type Model } from '@strata/models';
import { Adam, ExponentialDecay } from '@strata/training';
import { registerSerializable, resolveClass, unregisterSerializable, registeredKey } from './registry';
import { modelFromJSON } from './config/model-json';
import { serializeKerasObject, deserializeKerasObject } from './config/keras';
import { copyWeights, expectSamePredictions } from './testing';

beforeAll(async () => {
  await setBackend(cpu());
});

describe('the registry', () => {
  it('knows every kind of built-in under its Keras name, in any casing', () => {
    const cases: [Parameters<typeof resolveClass>[0], string, string][] = [
      ['layer', 'Dense', 'Dense'],
      ['layer', 'InputLayer', 'InputLayer'],
      ['layer', 'Functional', 'Functional'],
      ['layer', 'Sequential', 'Sequential'],
      ['initializer', 'GlorotUniform', 'GlorotUniform'],
      ['initializer', 'glorot_uniform', 'GlorotUniform'],
      ['regularizer', 'L2', 'L2'],
      ['constraint', 'MaxNorm', 'MaxNorm'],
      ['optimizer', 'Adam', 'Adam'],
      ['optimizer', 'rmsprop', 'RMSprop'],
      ['schedule', 'ExponentialDecay', 'ExponentialDecay'],
      ['loss', 'MeanSquaredError', 'MeanSquaredError'],
      ['loss', 'mse', 'MeanSquaredError'],
      ['metric', 'AUC', 'AUC'],
    ];
    for (const [kind, name, className] of cases)
      expect((resolveClass(kind, name) as unknown as { className: string }).className).toBe(className);
    expect((resolveClass('activation', 'relu') as ActivationFunction).activationName).toBe('relu');
  });

  it('names an unknown class and says how to register it', () => {
    expect(() => resolveClass('layer', 'Custom>Mystery')).toThrow(
      'Unknown layer class "Custom>Mystery". If it is your own class, make it known before loading: registerSerializable(Mystery) (optionally with {package: \'MyPackage\'}), or pass {customObjects: {Mystery}} to the loader.',
    );
  });

  it('registers user classes as package>Name (default Custom) and refuses a taken key or a non-serializable class', () => {
    class Mine extends Layer {}
    class Other extends Layer {
      static override className = 'Mine';
    }
    registerSerializable(Mine);
    try {
      expect(registeredKey(Mine)).toBe('Custom>Mine');
      expect(resolveClass('layer', 'Mine')).toBe(Mine);
      expect(resolveClass('layer', 'Custom>Mine')).toBe(Mine);
      expect(() => registerSerializable(Other)).toThrow(/"Custom>Mine" is already registered to another layer/);
      expect(registerSerializable(Other, { package: 'Elsewhere' })).toBe(Other);
      expect(resolveClass('layer', 'Elsewhere>Mine')).toBe(Other);
      expect(() => registerSerializable(class Plain {})).toThrow(/extends none of Layer, Initializer/);
    } finally {
      unregisterSerializable('Custom>Mine');
      unregisterSerializable('Elsewhere>Mine');
    }
    expect(() => resolveClass('layer', 'Custom>Mine')).toThrow(/Unknown layer class/);
  });

  it('rebuilds custom initializers, activations and Lambda functions inside built-in layer configs', async () => {
    class HalfOnes extends Initializer {
      static override className = 'HalfOnes';
      override call(shape: readonly number[]): Tensor {
        return fill(shape as number[], 0.5);
      }
    }
    const cube = registerSerializable((x: Tensor) => mul(mul(x, x), x), { name: 'cube', package: 'Tests' });
    registerSerializable(HalfOnes, { package: 'Tests' });
    registerLambda('tests_triple', (x) => mul(x as Tensor, 3));
    try {
      const m = new Sequential([
        input({ shape: [3] }),
        new Dense({ units: 2, activation: cube, kernelInitializer: new HalfOnes() }),
        new Lambda({ function: 'tests_triple' }),
      ]);
      const json = m.toJSON();
      expect(json).toContain('"activation":"Tests>cube"');
      expect(json).toContain('"className":"HalfOnes"');
      const back = modelFromJSON(json) as Model;
      expect((back.layers[0] as Dense).kernelSettings.initializer.constructor).toBe(HalfOnes);
      copyWeights(m, back);
      const x = randomNormal([2, 3], { seed: 1 });
      await expectSamePredictions(m, back, x);
      // A Lambda function the program passes at load time instead of registering it.
      unregisterLambda('tests_triple');
      expect(() => modelFromJSON(json)).toThrow(/no function is registered under the name "tests_triple"/);
      const viaCustom = modelFromJSON(json, { customObjects: { tests_triple: (t: Tensor) => mul(t, 3) } }) as Model;
      copyWeights(m, viaCustom);
      await expectSamePredictions(m, viaCustom, x);
      viaCustom.dispose();
      x.dispose();
      back.dispose();
      m.dispose();
    } finally {
      unregisterSerializable('Tests>cube');
      unregisterSerializable('Tests>HalfOnes');
      unregisterLambda('tests_triple');
    }
  });

  it('serializes an optimizer with a schedule in the Keras 3 dialect and reads it back', () => {
    const opt = new Adam({
      learningRate: new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 }),
      beta1: 0.8,
    });
    const written = serializeKerasObject(opt) as Record<string, any>;
    expect(written).toMatchObject({ module: 'keras.optimizers', class_name: 'Adam', registered_name: null });
    expect(written.config.beta_1).toBe(0.8);
    expect(written.config.learning_rate).toMatchObject({
      module: 'keras.optimizers.schedules',
      class_name: 'ExponentialDecay',
      config: { initial_learning_rate: 0.1, decay_steps: 10 },
    });
    const back = deserializeKerasObject('optimizer', JSON.parse(JSON.stringify(written))) as Adam;
    expect(back).toBeInstanceOf(Adam);
    expect(back.getConfig()).toEqual(opt.getConfig());
  });
});
