// The builders against keras.applications 3.15.1: parameter counts, layer counts and output shapes
// as Keras reports them for the same arguments (model.count_params(), len(model.layers)). Weights
// written by Keras load into these models with the same predictions: serialization's legacy-h5 tests.
import { setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { mobileNetV2, resNet50 } from './index';

beforeAll(async () => {
  await setBackend(cpu());
});

it.each([
  [
    'MobileNetV2 alpha 0.35, no top, 32x32',
    () => mobileNetV2({ alpha: 0.35, includeTop: false, inputShape: [32, 32, 3] }),
    410_208,
    154,
    [null, 1, 1, 1280],
  ],
  ['MobileNetV2 alpha 1, top', () => mobileNetV2(), 3_538_984, 156, [null, 1000]],
  [
    'ResNet50, no top, 32x32',
    () => resNet50({ includeTop: false, inputShape: [32, 32, 3] }),
    23_587_712,
    175,
    [null, 1, 1, 2048],
  ],
])("%s: Keras's parameter count, layers and output shape", (_name, build, params, layers, outShape) => {
  const model = build();
  expect(model.countParams()).toBe(params);
  expect(model.layers.length).toBe(layers);
  expect([...model.outputs[0].shape]).toEqual(outShape);
  model.dispose();
});

it('refuses inputs Keras refuses', () => {
  expect(() => mobileNetV2({ inputShape: [16, 16, 3] })).toThrow(/at least 32/);
  expect(() => resNet50({ inputShape: [64, 64, 1] })).toThrow(/\[height, width, 3\]/);
  expect(() => mobileNetV2({ inputShape: [null, null, 3] })).toThrow(/must be known/);
  expect(() => mobileNetV2({ alpha: 0 })).toThrow(/alpha must be a positive number/);
});
