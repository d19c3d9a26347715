// @strata/layers: the whole public API, as named exports.
export {
  Layer,
  sumLosses,
  type LayerArgs,
  type CallOptions,
  type LayerInput,
  type LayerInputs,
  type SymbolicLayerInput,
  type AddWeightOptions,
  type ShapeOrShapes,
} from './layer';
export { type InputSpec, assertInputCompatible } from './input-spec';
export { LayerError } from './errors';
export { uniqueName, clearSession, toSnakeCase } from './naming';
export { maskOf, setMask } from './masking';
export { type SerializedObject, type Configurable, serialize, classNameOf } from './serializable';
export { ClassTable } from './class-table';
export {
  builtInLayerClasses,
  builtInLayerClass,
  layerFromConfig,
  resolveBuiltInLayerClass,
  type LayerClass,
  type LayerResolver,
  type FromConfigOptions,
} from './layer-catalog';
export * from './initializers';
export * from './regularizers';
export * from './constraints';
export * as activations from './activations';
// The function type is ActivationFunction here: `Activation` is the layer (as keras.layers.Activation).
export {
  getActivation,
  serializeActivation,
  type Activation as ActivationFunction,
  type ActivationIdentifier,
} from './activations';
export * from './layers';
