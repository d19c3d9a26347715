// modelToJSON: a model's architecture as JSON text in the dialect a reader expects.
import type { Layer } from '@strata/layers';
import { SerializationError } from '../errors';
import { modelConfig } from './model-json';
import { modelToKerasConfig } from './keras';
import { tfjsTopology } from '../tfjs/topology';

/** The dialect {@link modelToJSON} writes: Strata's own, Keras 3's or TF.js layers'. */
export type JSONDialect = 'strata' | 'keras' | 'tfjs';

/**
 * The model's config as JSON text: 'strata' (what `model.toJSON()` gives), 'keras' (Keras 3's
 * config.json), or 'tfjs' (what tfjs-layers' `model.toJSON()` gives; `tf.models.modelFromJSON` reads
 * it). `modelFromJSON` reads all three.
 * @example
 * ```ts
 * const keras = modelToJSON(model, 'keras'); // what keras.models.model_from_json reads
 * ```
 */
export function modelToJSON(model: Layer, dialect: JSONDialect = 'strata'): string {
  if (dialect === 'strata') return JSON.stringify(modelConfig(model));
  if (dialect === 'keras') return JSON.stringify(modelToKerasConfig(model));
  if (dialect === 'tfjs') return JSON.stringify(tfjsTopology(model));
  throw new SerializationError(
    `modelToJSON: dialect must be 'strata', 'keras' or 'tfjs', received ${JSON.stringify(dialect)}`,
  );
}
