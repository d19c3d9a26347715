// Every built-in layer, with randomized weights, through a Keras 3 `.keras` archive (config.json +
// model.weights.h5 in a zip) and back, predicting the same.
import { setBackend, abs, add, dispose, floor, mul, randomUniform, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { type Layer, registerLambda, unregisterLambda } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, type Model } from '@strata/models';
import { builtInClasses } from '../registry-builtins';
import { loadModel, saveModel } from '../files';
import { expectSamePredictions } from '../testing';
import { LAYER_SPECS } from '../testing/layer-specs';

beforeAll(async () => {
  await setBackend(cpu());
  registerLambda('catalog_double', (x) => mul(x as Tensor, 2));
});
afterAll(() => unregisterLambda('catalog_double'));

it('covers every built-in layer that can stand alone in a model', () => {
  const standalone = builtInClasses('layer')
    .entries()
    .map(([n]) => n)
    .filter((n) => !/Cell$|^InputLayer$|^(Functional|Sequential|Model)$/.test(n));
  expect(standalone.filter((n) => !(n in LAYER_SPECS))).toEqual([]);
});

it.each(Object.keys(LAYER_SPECS))('%s: saved as .keras and loaded back, predicting the same', async (name) => {
  const spec = LAYER_SPECS[name];
  const Cls = builtInClasses('layer').get(name) as unknown as new (args: Record<string, unknown>) => Layer;
  const xs = spec.inputs.map((s) => input({ shape: s }));
  const model = new Functional({
    inputs: xs.length === 1 ? xs[0] : xs,
    outputs: new Cls(spec.options()).apply(xs.length === 1 ? xs[0] : xs),
  }) as Model;
  // Random weights (variances kept positive), so a weight written to the wrong place shows.
  const values = model.weights.map((w, i) =>
    tidy(() =>
      /variance/.test(w.name)
        ? add(abs(randomUniform(w.shape, { seed: i })), 0.5)
        : randomUniform(w.shape, { minval: -1, maxval: 1, seed: i }),
    ),
  );
  model.setWeights(values);
  dispose(values);
  const back = await loadModel(await saveModel(model));
  expect(back.weights.map((w) => w.shape)).toEqual(model.weights.map((w) => w.shape));
  const data = spec.inputs.map((s, i) =>
    tidy(() =>
      spec.intMax
        ? floor(randomUniform([2, ...s], { minval: 0, maxval: spec.intMax, seed: i }))
        : randomUniform([2, ...s], { minval: -1, maxval: 1, seed: i }),
    ),
  );
  await expectSamePredictions(model, back, data.length === 1 ? data[0] : data);
  dispose(data);
  back.dispose();
  model.dispose();
});
