// Writes Keras's legacy whole-model HDF5 file (what Keras 3's `model.save('x.h5')` writes, read by
// `keras.saving.load_model`): the config as `.keras` has it (Keras 3's legacy loader takes it), the
// weights per layer under `model_weights`, and with the optimizer `training_config` and
// `optimizer_weights` in Keras's `optimizer.variables` order.
import type { Variable } from '@strata/tensor';
import type { Layer } from '@strata/layers';
import { Functional, Model, Sequential } from '@strata/models';
import { modelToKerasConfig, serializeKerasObject } from '../config';
import { writeH5, type H5Item } from '../h5/h5-file';
import { KERAS_LAYOUT_VERSION } from './archive';
import { compileConfigOf } from './compile-config';
import { kerasLayers, kerasTrainableVariables } from './layout';
import { legacyWeights } from './legacy-h5-weights';
import { optimizerLayout } from './optimizer-layout';
import { valuesOf } from './weights-h5';

// Keras 3.15's legacy loader resolves a loss alias as a metric and fails ("Could not deserialize
// 'keras.metrics.mse'"), even in files Keras wrote itself; the full names load.
const LOSS_ALIASES: Record<string, string> = {
  mse: 'mean_squared_error',
  mae: 'mean_absolute_error',
  mape: 'mean_absolute_percentage_error',
  msle: 'mean_squared_logarithmic_error',
  kld: 'kl_divergence',
};

function fullLossNames(loss: unknown): unknown {
  if (typeof loss === 'string') return LOSS_ALIASES[loss] ?? loss;
  if (Array.isArray(loss)) return loss.map(fullLossNames);
  if (loss && typeof loss === 'object' && !('class_name' in loss))
    return Object.fromEntries(Object.entries(loss).map(([k, v]) => [k, fullLossNames(v)]));
  return loss;
}

/** Unique dataset names inside a layer's group (Keras uses variable paths; any unique names load). */
function weightNames(layer: Layer, vs: readonly Variable[]): string[] {
  const used = new Set<string>();
  return vs.map((v, i) => {
    const base = `${layer.name}/${layer.weightName(v).replace(/[^\w.-]+/g, '_') || i}`;
    const name = used.has(base) ? `${base}_${i}` : base;
    used.add(name);
    return name;
  });
}

/** The bytes of a legacy `.h5` model file for `model` (its optimizer too when `includeOptimizer`). */
export async function encodeLegacyH5Model(model: Layer, includeOptimizer = true): Promise<Uint8Array> {
  const items: H5Item[] = [];
  const root: Record<string, string> = {
    keras_version: KERAS_LAYOUT_VERSION,
    backend: 'strata',
    model_config: JSON.stringify(modelToKerasConfig(model)),
  };
  const layers = model instanceof Functional || model instanceof Sequential ? kerasLayers(model) : model.layers;
  items.push({
    kind: 'group',
    path: 'model_weights',
    attrs: { layer_names: layers.map((l) => l.name), keras_version: root.keras_version, backend: root.backend },
  });
  for (const layer of layers) {
    const vs = legacyWeights(layer);
    const names = weightNames(layer, vs);
    // An empty list is no attribute: Keras reads a missing `weight_names` as [].
    items.push({ kind: 'group', path: `model_weights/${layer.name}`, attrs: vs.length ? { weight_names: names } : {} });
    for (const [i, v] of vs.entries())
      items.push({ ...(await valuesOf(v)), path: `model_weights/${layer.name}/${names[i]}` });
  }
  items.push({ kind: 'group', path: 'model_weights/top_level_model_weights' });
  const compiled = includeOptimizer && model instanceof Model ? compileConfigOf(model) : null;
  if (compiled && model instanceof Model && model.optimizer) {
    const { optimizer: _written, ...training } = compiled;
    root.training_config = JSON.stringify({
      ...training,
      loss: fullLossNames(training.loss),
      optimizer_config: serializeKerasObject(model.optimizer),
    });
    const optimizer = model.optimizer;
    const layout = optimizerLayout(optimizer, kerasTrainableVariables(model));
    const host = optimizer.getHostState();
    const scalar = (data: Float32Array | BigInt64Array): H5Item => ({
      kind: 'dataset',
      path: '',
      dtype: data instanceof Float32Array ? 'float32' : 'int64',
      shape: [],
      data,
    });
    const values: H5Item[] = [scalar(new BigInt64Array([BigInt(host.calls ?? 0)]))];
    if (layout.hasLearningRate) values.push(scalar(new Float32Array([optimizer.learningRate])));
    for (const v of layout.variables) values.push(await valuesOf(v));
    if (layout.hasUProduct) values.push(scalar(new Float32Array([host.uProduct ?? 1])));
    // Keras's names for the header (its reader tells Keras 3's header from Keras 2's by them).
    const header = ['iteration', 'learning_rate'].slice(0, layout.hasLearningRate ? 2 : 1);
    const names = values.map((_, i) => `${optimizer.name}/${header[i] ?? `slot_${i}`}`);
    items.push({ kind: 'group', path: 'optimizer_weights', attrs: { weight_names: names } });
    values.forEach((item, i) => items.push({ ...item, path: `optimizer_weights/${names[i]}` }));
  }
  items.push({ kind: 'group', path: '', attrs: root });
  return writeH5(items);
}
