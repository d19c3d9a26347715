import { setBackend, tensor, tidy } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GlorotUniform, Ones, Zeros } from './initializers';
import { L2 } from './regularizers';
import { NonNeg } from './constraints';
import { initializerOnly, weightConfig, weightSettings, type WeightArgs } from './weight-settings';
import { Layer } from './layer';

beforeAll(async () => {
  await setBackend(cpu());
});

test('weightSettings reads the three options named after the weight, with the default initializer', () => {
  const s = weightSettings({ kernelRegularizer: 'l2', kernelConstraint: 'nonNeg' }, 'kernel', 'glorotUniform');
  expect(s.initializer).toBeInstanceOf(GlorotUniform);
  expect(s.regularizer).toBeInstanceOf(L2);
  expect(s.constraint).toBeInstanceOf(NonNeg);
  const options: WeightArgs<'kernel' | 'bias'> = { kernelInitializer: 'ones', biasRegularizer: null };
  const bias = weightSettings(options, 'bias', 'zeros');
  expect(bias).toEqual({ initializer: new Zeros(), regularizer: null, constraint: null });
  const given = new Ones();
  expect(weightSettings({ gammaInitializer: given }, 'gamma', 'zeros').initializer).toBe(given);
});

test("weightConfig lists initializers, then regularizers, then constraints, as Keras's get_config", () => {
  const kernel = weightSettings({ kernelRegularizer: 'l2' }, 'kernel', 'ones');
  const bias = initializerOnly('zeros');
  const config = weightConfig({ kernel, bias });
  expect(Object.keys(config)).toEqual([
    'kernelInitializer',
    'biasInitializer',
    'kernelRegularizer',
    'biasRegularizer',
    'kernelConstraint',
    'biasConstraint',
  ]);
  expect(config.kernelInitializer).toEqual({ className: 'Ones', config: {} });
  expect(config.kernelRegularizer).toEqual({ className: 'L2', config: { l2: 0.01 } });
  expect(config.biasConstraint).toBeNull();
  expect(weightConfig({ kernel, bias }, ['regularizer'])).toEqual({
    kernelRegularizer: config.kernelRegularizer,
    biasRegularizer: null,
  });
});

test('addWeight takes the settings as they are: initializer, penalty and constraint all apply', async () => {
  const settings = weightSettings(
    {
      kernelInitializer: 'ones',
      kernelRegularizer: { className: 'L2', config: { l2: 0.5 } },
      kernelConstraint: 'nonNeg',
    },
    'kernel',
    'zeros',
  );
  const layer = new Layer();
  const w = layer.addWeight('kernel', [2], settings);
  expect(await w.data()).toEqual(new Float32Array([1, 1]));
  const [penalty] = layer.losses;
  expect(await penalty.data()).toEqual(new Float32Array([1])); // 0.5 * (1 + 1)
  penalty.dispose();
  const clipped = tidy(() => w.constraint?.(tensor([-3, 2])));
  expect(Array.from((await clipped?.data()) ?? [], (v) => v + 0)).toEqual([0, 2]); // NonNeg: -0 is +0 here
  clipped?.dispose();
  layer.dispose();
});
