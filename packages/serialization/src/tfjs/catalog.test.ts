// Every built-in layer that tfjs-layers 4.22 also has, written by Strata in the TF.js layers format
// (weights randomized), loads in tfjs-layers with the same predictions.
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, abs, add, dispose, floor, mul, randomUniform, tensor, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { type Layer, registerLambda, unregisterLambda } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, type Model } from '@strata/models';
import { builtInClasses } from '../registry-builtins';
import { modelFromTfjsArtifacts, tfjsArtifacts } from './artifacts';
import { expectSamePredictions } from '../testing';
import { expectSameAsTfjs, tfjsLoad, useTfjsCpu } from '../testing/tfjs-oracle';
import { LAYER_SPECS } from '../testing/layer-specs';

/** Layers tfjs-layers 4.22 cannot load or computes otherwise, and why (tfjs's own messages). */
const NOT_IN_TFJS: Record<string, string> = {
  Subtract: 'tfjs-layers has no Subtract layer ("Unknown layer: Subtract")',
  Identity: 'tfjs-layers has no Identity layer',
  Lambda: 'tfjs-layers has no Lambda layer',
  UnitNormalization: 'tfjs-layers has no UnitNormalization layer',
  Cropping1D: 'tfjs-layers has no Cropping1D layer',
  ZeroPadding1D: 'tfjs-layers has no ZeroPadding1D layer',
  UpSampling1D: 'tfjs-layers has no UpSampling1D layer',
  EinsumDense: 'tfjs-layers has no EinsumDense layer',
  GroupNormalization: 'tfjs-layers has no GroupNormalization layer',
  Normalization: 'tfjs-layers has no Normalization layer',
  Resizing: 'tfjs-layers 4.22 Resizing fails on a batch ("resizeBilinear: x must be rank 3 or 4, but got rank 1")',
  CenterCrop: 'tfjs-layers 4.22 CenterCrop computes its output shape without the batch axis',
  SpatialDropout2D: 'tfjs-layers has no SpatialDropout2D layer',
  SpatialDropout3D: 'tfjs-layers has no SpatialDropout3D layer',
  ActivityRegularization: 'tfjs-layers has no ActivityRegularization layer',
  Conv1DTranspose: 'tfjs-layers has no Conv1DTranspose layer',
  DepthwiseConv1D: 'tfjs-layers has no DepthwiseConv1D layer',
  SeparableConv1D: 'tfjs-layers has no SeparableConv1D layer',
  Attention: 'tfjs-layers has no Attention layer',
  AdditiveAttention: 'tfjs-layers has no AdditiveAttention layer',
  MultiHeadAttention: 'tfjs-layers has no MultiHeadAttention layer',
};

/** Options that differ for the TF.js format: its GRU is the reset_after=False GRU. */
const TFJS_OPTIONS: Record<string, () => Record<string, unknown>> = {
  GRU: () => ({ units: 3, resetAfter: false }),
};

beforeAll(async () => {
  await useTfjsCpu();
  await setBackend(cpu());
  registerLambda('catalog_double', (x) => mul(x as Tensor, 2));
});
afterAll(() => unregisterLambda('catalog_double'));

const names = builtInClasses('layer')
  .entries()
  .map(([n]) => n)
  .filter((n) => n in LAYER_SPECS && !(n in NOT_IN_TFJS));

it.each(names)('%s: Strata writes it, tfjs-layers loads it and predicts the same', async (name) => {
  const spec = LAYER_SPECS[name];
  const Cls = builtInClasses('layer').get(name) as unknown as new (args: Record<string, unknown>) => Layer;
  const xs = spec.inputs.map((s) => input({ shape: s }));
  const model = new Functional({
    inputs: xs.length === 1 ? xs[0] : xs,
    outputs: new Cls((TFJS_OPTIONS[name] ?? spec.options)()).apply(xs.length === 1 ? xs[0] : xs),
  }) as Model;
  const values = model.weights.map((w, i) =>
    tidy(() =>
      /variance/.test(w.name)
        ? add(abs(randomUniform(w.shape, { seed: i })), 0.5)
        : randomUniform(w.shape, { minval: -1, maxval: 1, seed: i }),
    ),
  );
  model.setWeights(values);
  dispose(values);
  const tfModel = await tfjsLoad(await tfjsArtifacts(model));
  const tf = spec.inputs.map((s, i) =>
    spec.intMax
      ? tfc.floor(tfc.randomUniform([2, ...s], 0, spec.intMax, 'float32', i))
      : tfc.randomNormal([2, ...s], 0, 1, 'float32', i),
  );
  const strata = await Promise.all(tf.map(async (t) => tensor(await t.data(), t.shape)));
  await expectSameAsTfjs(model, tfModel, { tf, strata });
  dispose(strata);
  tfc.dispose(tf);
  model.dispose();
  tfModel.dispose();
});

// Layers tfjs-layers lacks still travel between Strata programs in this format.
it.each(Object.keys(LAYER_SPECS))('%s: Strata writes it and reads it back with the same predictions', async (name) => {
  const spec = LAYER_SPECS[name];
  const Cls = builtInClasses('layer').get(name) as unknown as new (args: Record<string, unknown>) => Layer;
  const xs = spec.inputs.map((s) => input({ shape: s }));
  const model = new Functional({
    inputs: xs.length === 1 ? xs[0] : xs,
    outputs: new Cls((TFJS_OPTIONS[name] ?? spec.options)()).apply(xs.length === 1 ? xs[0] : xs),
  }) as Model;
  const back = (await modelFromTfjsArtifacts(await tfjsArtifacts(model))) as Model;
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
