import { nest } from '@strata/tensor';
// model.toJSON() / modelFromJSON(): a model's architecture as JSON text, in any dialect.
import type { Layer, SerializedObject } from '@strata/layers';
import { Model } from '@strata/models';
import { SerializationError } from '../errors';
import { deserializeLayer, serializeObject, type LoadOptions } from './deserialize';
import { toStrataDialect, type StrataModelConfig } from './dialect';

/** Parses JSON text, saying where it breaks and what was expected. */
export function parseJSON(text: string, what: string): unknown {
  if (typeof text !== 'string')
    throw new SerializationError(`${what}: expected JSON text, received ${text === null ? 'null' : typeof text}`);
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new SerializationError(
      `${what} is not valid JSON (${why}); it starts with ${JSON.stringify(text.slice(0, 80))}`,
      { cause: e },
    );
  }
}

/** The model's config in Strata's dialect, with the input shape a subclassed model is built for. */
export function modelConfig(model: Layer): StrataModelConfig {
  const graph = model instanceof Model ? model.graph : null;
  const shapes = graph ? graph.inputs.map((x) => [...x.shape]) : null;
  return {
    ...serializeObject(model),
    ...(shapes ? { buildConfig: { inputShape: shapes.length === 1 ? shapes[0] : shapes } } : {}),
  };
}

/**
 * Builds a model from a Strata-dialect config: its layers (fresh weights), built for
 * `buildConfig.inputShape` when its class does not build itself from its config (a subclassed model).
 * @example
 * ```ts
 * const copy = modelFromConfig(JSON.parse(modelToJSON(model))); // Strata's dialect, parsed
 * ```
 */
export function modelFromConfig(config: StrataModelConfig, options: LoadOptions = {}): Layer {
  const model = deserializeLayer(config as SerializedObject, options);
  const shape = config.buildConfig?.inputShape;
  if (!model.built && Array.isArray(shape)) {
    try {
      model.build(shape as never);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new SerializationError(
        `model "${model.name}" could not be built for its saved input shape ${JSON.stringify(shape)}: ${why}`,
        { cause: e },
      );
    }
  }
  return model;
}

/**
 * A model from JSON text or a parsed object: Strata's `model.toJSON()`, TF.js's `model.toJSON()` or
 * a whole TF.js `model.json` (its modelTopology), a Keras 3 `config.json`, a Keras 2 `model.to_json()`.
 * Weights are fresh; load them with the format's loader. Nothing in the JSON is evaluated: every class
 * it names must be built in, registered (registerSerializable) or in `customObjects`.
 * @example
 * ```ts
 * const copy = modelFromJSON(modelToJSON(model)); // new layers, same architecture, fresh weights
 * ```
 */
export function modelFromJSON(json: string | object, options: LoadOptions = {}): Layer {
  let obj = typeof json === 'string' ? parseJSON(json, 'modelFromJSON') : json;
  if (nest.isRecord(obj) && nest.isRecord(obj.modelTopology)) obj = obj.modelTopology;
  // Keras 2's model.json nests the model under model_config, beside the version that sets the dialect.
  if (nest.isRecord(obj) && nest.isRecord(obj.model_config))
    obj = { ...obj.model_config, keras_version: obj.keras_version };
  return modelFromConfig(toStrataDialect(obj), options);
}
