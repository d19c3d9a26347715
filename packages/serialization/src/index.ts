// @strata/serialization: the whole public API, as named exports. Internals the formats share
// (case conversion, dialect detection, layouts) stay in their modules.
export { SerializationError } from './errors';
export { ModelFileError } from './safety/errors';
export {
  registerSerializable,
  unregisterSerializable,
  registeredNames,
  resolveClass,
  type ObjectKind,
  type CustomObjects,
  type RegisterOptions,
  type Serializable,
} from './registry';
export { builtInClasses } from './registry-builtins';
export {
  serializeObject,
  deserializeObject,
  type LoadOptions,
  modelToKerasConfig,
  modelFromKerasConfig,
  serializeKerasObject,
  deserializeKerasObject,
  type KerasObject,
  modelFromJSON,
  modelFromConfig,
  modelToJSON,
  type JSONDialect,
  type Dialect,
  type StrataModelConfig,
} from './config';
export { cloneModel, type CloneOptions } from './clone';
// The TensorFlow.js layers format (model.json + weight shards), on disk or through a tfjs IOHandler.
export {
  saveTfjs,
  loadTfjs,
  tfjsArtifacts,
  modelFromTfjsArtifacts,
  type TfjsIOHandler,
  type TfjsModelJSON,
  type SaveTfjsResult,
  type TfjsModelArtifacts,
  type TfjsSaveOptions,
  type TfjsLoadOptions,
  type WeightSpec,
  type WeightsManifestGroup,
} from './tfjs';
// Keras 3 files (.keras archives, .weights.h5), saveModel/loadModel, and what bounds loading.
export {
  saveModel,
  loadModel,
  saveModelWeights,
  loadModelWeights,
  type ModelSource,
  type SaveModelOptions,
  type LoadModelOptions,
  type LoadWeightsOptions,
} from './files';
export { DEFAULT_LOAD_LIMITS, type LoadLimits } from './safety/limits';
