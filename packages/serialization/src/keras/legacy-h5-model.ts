// Keras's legacy whole-model HDF5 file (`model.save('x.h5')` in Keras 2 and 3): the architecture in
// the root attribute `model_config` (JSON), weights under `model_weights` (legacy-h5-weights.ts), the
// compile arguments in `training_config` and the optimizer's variables under `optimizer_weights`.
import { type Tensor, type Variable, tidy } from '@strata/tensor';
import type { Layer } from '@strata/layers';
import { Model } from '@strata/models';
import { modelFromJSON } from '../config';
import { readH5, type H5Reader } from '../h5/h5-file';
import { scanConfig } from '../safety/config-scan';
import { ModelFileError, messageOf } from '../safety/errors';
import { withDefaults } from '../safety/limits';
import { guard, type DecodeKerasOptions } from './archive';
import { compileFromConfig } from './compile-config';
import { namesAttribute, readLegacyWeights } from './legacy-h5-weights';
import { readOptimizer } from './weights-h5';

/** Whether an open HDF5 file is a legacy Keras model (it has a `model_config` attribute). */
export function isLegacyH5Model(reader: H5Reader): boolean {
  return reader.attr('', 'model_config') !== null;
}

function jsonAttribute(reader: H5Reader, name: string, what: string, maxBytes: number): unknown {
  const text = reader.attr('', name);
  if (text === null) return null;
  if (typeof text !== 'string')
    throw new ModelFileError(`${what}: the attribute "${name}" must be JSON text, found ${typeof text}`);
  if (text.length > maxBytes)
    throw new ModelFileError(
      `${what}: the attribute "${name}" is ${text.length} characters, ` +
        `more than the limit of ${maxBytes} (limits.maxJsonBytes)`,
    );
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ModelFileError(`${what}: the attribute "${name}" is not valid JSON (${messageOf(e)})`);
  }
}

/** A metric as Keras 2 writes it in `training_config` (`MeanMetricWrapper` of a function) as a name. */
function keras2Metric(m: unknown): unknown {
  if (Array.isArray(m)) return m.map(keras2Metric);
  if (typeof m !== 'object' || m === null) return m;
  const { class_name: cls, config } = m as { class_name?: string; config?: Record<string, unknown> };
  if (cls === 'MeanMetricWrapper' && config) return (config.fn as string) ?? config.name;
  return m;
}

// Keys of Keras 2 optimizer configs that Keras 3 (and Strata) do not take.
const KERAS2_OPTIMIZER_KEYS = ['is_legacy_optimizer', 'jit_compile', 'decay'];

/** `training_config` (Keras 2 or 3) as Keras 3's `compile_config`. */
function compileConfigOf(training: Record<string, unknown>): Record<string, unknown> {
  const optimizer = training.optimizer_config as { class_name?: string; config?: Record<string, unknown> } | undefined;
  let opt: unknown = optimizer;
  if (optimizer && typeof optimizer === 'object') {
    const config = { ...(optimizer.config ?? {}) };
    for (const k of KERAS2_OPTIMIZER_KEYS) delete config[k];
    // Keras 2 registers its new optimizers as `Custom>Adam`; its `name` is the class name ('Adam').
    opt = { class_name: String(optimizer.class_name ?? '').replace(/^Custom>/, ''), config };
  }
  return {
    optimizer: opt,
    loss: training.loss,
    loss_weights: training.loss_weights ?? null,
    metrics: keras2Metric(training.metrics ?? null),
    weighted_metrics: keras2Metric(training.weighted_metrics ?? null),
  };
}

/**
 * Rebuilds a model from the bytes of a legacy `.h5` model file, with the same checks as a `.keras`
 * archive: the config is scanned (no code, bounded sizes) before anything is built, every weight is
 * checked by count and shape before any is assigned, and a broken file raises a ModelFileError.
 */
export async function decodeLegacyH5Model(bytes: Uint8Array, options: DecodeKerasOptions = {}): Promise<Layer> {
  const what = options.what ?? 'the .h5 model file';
  const limits = withDefaults(options.limits);
  return readH5(bytes, what, (reader) => {
    const config = jsonAttribute(reader, 'model_config', what, limits.maxJsonBytes);
    if (config === null)
      throw new ModelFileError(
        `${what} is an HDF5 file without a model: no "model_config" attribute. It is a weights file; ` +
          'build the model, then load them with loadModelWeights(model, file)',
      );
    if (typeof config !== 'object' || config === null || Array.isArray(config))
      throw new ModelFileError(`${what}: "model_config" must be a JSON object (the model's config)`);
    scanConfig(config, { safeMode: options.safeMode ?? true, maxDimension: limits.maxDimension, what });
    // Keras 3 writes its own dialect here without `module` keys, which alone would read as Keras 2's:
    // the file's version decides (Keras 2 counts a nested Sequential's own node, Keras 3 does not).
    const version = reader.attr('', 'keras_version');
    const versioned = typeof version === 'string' ? { ...config, keras_version: version } : config;
    const model = guard(`${what}: model_config`, () =>
      modelFromJSON(versioned, { customObjects: options.customObjects }),
    );
    const values: [Variable, Tensor][] = [];
    try {
      if (reader.kind('model_weights') !== 'group')
        throw new ModelFileError(`${what}: there is no "model_weights" group; the file holds no weights`);
      values.push(...readLegacyWeights(reader, 'model_weights', model, what));
      const training = jsonAttribute(reader, 'training_config', what, limits.maxJsonBytes);
      let restore = () => {};
      if ((options.compile ?? true) && model instanceof Model && training && typeof training === 'object') {
        const compileConfig = compileConfigOf(training as Record<string, unknown>);
        guard(`${what}: training_config`, () => compileFromConfig(model, compileConfig, options.customObjects));
        if (model.optimizer && reader.kind('optimizer_weights') === 'group') {
          const names = namesAttribute(reader, 'optimizer_weights', 'weight_names', what) ?? [];
          restore = readOptimizer(reader, model.optimizer, model, what, {
            count: names.length,
            path: (i) => `optimizer_weights/${names[i]}`,
            // Keras 3 lists `<name>/iteration`, `<name>/learning_rate`, ...; Keras 2 no learning rate.
            hasLearningRate: names[1]?.endsWith('learning_rate') ?? false,
          });
        }
      }
      tidy(() => {
        for (const [v, t] of values) v.assign(t);
      });
      restore();
    } catch (e) {
      model.dispose();
      throw e;
    } finally {
      for (const [, t] of values) t.dispose();
    }
    return model;
  });
}
