// The TensorFlow.js layers format: model.json (topology + weights manifest) and weight shards.
export {
  saveTfjs,
  loadTfjs,
  artifactsFromModelJSON,
  type TfjsIOHandler,
  type TfjsModelJSON,
  type SaveTfjsResult,
} from './io';
export {
  tfjsArtifacts,
  modelFromTfjsArtifacts,
  assignWeights,
  type TfjsModelArtifacts,
  type TfjsSaveOptions,
  type TfjsLoadOptions,
} from './artifacts';
export { tfjsTopology, TFJS_KERAS_VERSION } from './topology';
export { tfjsWeightNames } from './weight-names';
export type { WeightSpec, WeightsManifestGroup } from './weights';
