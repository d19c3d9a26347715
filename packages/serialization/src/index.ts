// @strata/serialization: the public API, by name. The class resolver and the built-in class table are in
// '@strata/serialization/internal'; internals the formats share (case conversion, dialect detection,
// layouts) stay in their modules.

// Configs and JSON: Strata, Keras 3 and TensorFlow.js dialects
export { serializeObject, deserializeObject, type LoadOptions } from './config/deserialize';
export {
  modelToKerasConfig,
  modelFromKerasConfig,
  serializeKerasObject,
  deserializeKerasObject,
  type KerasObject,
} from './config/keras';
export { modelFromJSON, modelFromConfig } from './config/model-json';
export { modelToJSON, type JSONDialect } from './config/to-json';
export type { StrataModelConfig } from './config/dialect';

// Keras 3 files (.keras archives, .weights.h5), saveModel/loadModel, and what bounds loading
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

// The TensorFlow.js layers format (model.json + weight shards), on disk or through a tfjs IOHandler
export { saveTfjs, loadTfjs, type TfjsIOHandler, type TfjsModelJSON, type SaveTfjsResult } from './tfjs/io';
export {
  tfjsArtifacts,
  modelFromTfjsArtifacts,
  type TfjsModelArtifacts,
  type TfjsSaveOptions,
  type TfjsLoadOptions,
} from './tfjs/artifacts';
export type { WeightSpec, WeightsManifestGroup } from './tfjs/weights';

// Cloning models
export { cloneModel, type CloneOptions } from './clone';

// Custom objects: registering classes for configs and files
export {
  registerSerializable,
  unregisterSerializable,
  registeredNames,
  type ObjectKind,
  type CustomObjects,
  type RegisterOptions,
  type Serializable,
} from './registry';

// Errors
export { SerializationError } from './errors';
export { ModelFileError } from './safety/errors';
