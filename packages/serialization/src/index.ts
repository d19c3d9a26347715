// @strata/serialization: the whole public API, as named exports.
export { SerializationError } from './errors';
export {
  registerSerializable, unregisterSerializable, registeredKey, registeredNames, resolveClass, kindOf,
  type ObjectKind, type CustomObjects, type RegisterOptions, type Serializable,
} from './registry';
export { builtInClasses, builtInActivations } from './registry-builtins';
export { keras2HardSigmoid } from './legacy-activations';
export {
  toSnakeKeys, toCamelKeys, snakeCase, camelCase,
  serializeObject, deserializeObject, deserializeLayer, resolveCustomObjects, type LoadOptions,
  modelToKerasConfig, modelFromKerasConfig, serializeKerasObject, deserializeKerasObject, type KerasObject,
  modelFromJSON, modelFromConfig, modelConfig, parseJSON, modelToJSON, type JSONDialect,
  toStrataDialect, detectDialect, type Dialect, type StrataModelConfig,
} from './config';
export * from './tfjs';
export { cloneModel, type CloneOptions } from './clone';
// Keras 3 files (.keras archives, .weights.h5), saveModel/loadModel, and what guards loading.
export {
  saveModel, loadModel, saveModelWeights, loadModelWeights, modelToKerasBytes,
  type ModelSource, type SaveModelOptions, type LoadModelOptions,
} from './files';
export { ModelFileError } from './safety/errors';
export { DEFAULT_LOAD_LIMITS, type LoadLimits } from './safety/limits';
export { kerasLayout, type LayerSlot } from './keras/layout';
export { KERAS_LAYOUT_VERSION } from './keras/archive';
