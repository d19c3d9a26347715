// cloneModel: the same architecture with fresh weights (Keras's clone_model).
import { Layer, type SerializedObject } from '@strata/layers';
import { InputLayer } from '@strata/graph';
import { Functional } from '@strata/models';
import type { FromConfigOptions } from '@strata/models/internal';
import { SerializationError } from './errors';
import { deserializeLayer, serializeObject, type LoadOptions } from './config/deserialize';
import { modelConfig, modelFromConfig } from './config/model-json';

/** Options of {@link cloneModel}: how each layer is copied, and classes its config may name. */
export interface CloneOptions extends LoadOptions {
  /**
   * Makes the new layer for each layer of the model (InputLayers excepted), called once per layer
   * even when it is shared. Default: a new layer of the same class and config (a nested model is
   * cloned the same way). Return the layer itself to share it between the two models.
   */
  cloneFunction?: (layer: Layer) => Layer;
}

type GraphModelClass = { fromConfig(config: Record<string, unknown>, options: FromConfigOptions): Layer };

/**
 * A new model with the architecture of `model` and freshly initialized weights: a Functional or
 * Sequential is rebuilt layer by layer through `cloneFunction` and reconnected as the original; a
 * subclassed model is rebuilt from its config (its class registered or in `customObjects`).
 * @example
 * ```ts
 * const twin = cloneModel(model); // same architecture, new weights
 * const sharing = cloneModel(model, { cloneFunction: (layer) => layer }); // shares every layer
 * ```
 */
export function cloneModel<T extends Layer>(model: T, options: CloneOptions = {}): T {
  if (!(model instanceof Layer))
    throw new SerializationError(`cloneModel: expected a model, received ${model === null ? 'null' : typeof model}`);
  const cloneFunction =
    options.cloneFunction ??
    ((layer: Layer) =>
      layer instanceof Functional ? cloneModel(layer, options) : deserializeLayer(serializeObject(layer), options));
  if (!(model instanceof Functional)) return modelFromConfig(modelConfig(model), options) as T;
  const originals = new Map(model.layers.map((l) => [l.name, l]));
  const resolveLayer = (s: SerializedObject): Layer => {
    const original = originals.get(s.config.name as string);
    if (!original || original instanceof InputLayer) return deserializeLayer(s, options);
    const made = cloneFunction(original);
    if (!(made instanceof Layer))
      throw new SerializationError(
        `cloneModel: cloneFunction returned ${made === null ? 'null' : typeof made} for layer "${original.name}"; it must return a Layer`,
      );
    return made;
  };
  return (model.constructor as unknown as GraphModelClass).fromConfig(model.getConfig(), { resolveLayer }) as T;
}
