// @strata/models: the whole public API, as named exports.
export { Model, type ModelArgs } from './model';
export { Functional, model, type FunctionalArgs, type SymbolicArg, type SymbolicStructure } from './functional';
export { Sequential, type SequentialArgs } from './sequential';
export type { PredictInputs, PredictOutputs } from './predict';
export type { PredictOptions } from '@strata/training';
export { summaryLines, formatShape, readableSize, type SummaryOptions } from './summary';
export { plotModel, modelToDot, dotToSvg, svgToPng, type PlotOptions, type DotOptions, type PlotFormat } from './plot';
export { ModelError } from './errors';
export {
  graphConfig,
  rebuildGraph,
  stackConfig,
  stackLayers,
  serializeLayer,
  opDefByName,
  builtInNodes,
  TENSOR_OP,
  KERAS_TENSOR,
  CONSTANT,
  type TensorHistories,
  type RebuiltGraph,
  type FunctionalConfig,
  type SequentialConfig,
  type LayerEntry,
  type NodeConfig,
  type TensorHistory,
  type LayerResolver,
  type FromConfigOptions,
} from './config';
export { resolveBuiltInLayer } from './sequential';
export { mobileNetV2, resNet50, type MobileNetV2Args, type ApplicationArgs } from './applications';
