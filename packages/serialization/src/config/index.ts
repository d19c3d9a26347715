/**
 * Model and object configs in three dialects, and the functions the file formats build on.
 *
 * Dialects:
 * - **Strata** (what `layer.getConfig()` returns): camelCase keys, `{className, config}` objects,
 *   Functional nodes as `{args, kwargs}` with symbolic tensors written
 *   `{className: '__keras_tensor__', config: {shape, dtype, kerasHistory: [layer, node, index]}}`.
 * - **Keras 3** (`.keras` config.json): snake_case, `{module, class_name, config, registered_name,
 *   build_config}`, the same node form with snake keys.
 * - **TF.js / Keras 2** (`model.json` modelTopology, tfjs `model.toJSON()`): snake_case,
 *   `{class_name, config}`, inbound nodes as `[[["dense", 0, 0, {}]]]`.
 * Readers accept all three; camelCase <-> snake_case happens only in `case.ts`.
 *
 * API used by the .keras format (src/keras/):
 *
 *   modelToKerasConfig(model: Layer): KerasObject
 *     The model's config.json object, Keras 3 dialect: {module, class_name, config, registered_name,
 *     build_config?}. Works for Functional, Sequential and registered subclassed models.
 *
 *   modelFromKerasConfig(obj: unknown, options?: { customObjects?: CustomObjects }): Layer
 *     Rebuilds the model (fresh weights, built) from a Keras 3 or Keras 2 config object.
 *     Unknown classes raise a SerializationError naming them and how to register them.
 *
 * Where each layer's variables go in model.weights.h5 is `kerasLayout` (src/keras/layout.ts).
 *
 * Node indices follow Keras 3: a nested Functional's calls are nodes 1, 2, ... (node 0 is its own),
 * a nested Sequential's start at 0; the Keras 2 / TF.js dialect (which counts a Sequential's own node
 * too) is converted both ways.
 *
 *   serializeKerasObject(obj: Configurable | string | null): unknown   (optimizers, losses, metrics)
 *   deserializeKerasObject(kind: ObjectKind, obj: unknown, options?): object | null
 *
 *   toSnakeKeys(x: unknown): unknown / toCamelKeys(x: unknown): unknown   (case.ts)
 *
 *   modelToJSON(model, 'strata' | 'keras' | 'tfjs'): string; modelFromJSON(text | object, {customObjects}): Layer
 */
export * from './case';
export * from './deserialize';
export * from './keras';
export * from './model-json';
export * from './dialect';
export * from './to-json';
