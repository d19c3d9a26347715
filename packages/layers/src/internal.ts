// @strata/layers/internal: for Strata's own packages, not for users (it may change in any release).

// The public entry first: a bundler then orders the modules both entries share as the public entry
// evaluates them (esbuild's code splitting otherwise orders its shared chunk from this entry, and an
// import cycle, as the layer catalog's, can then run a subclass before its base class).
import './index';

// Calling layers: losses, input checks, masks
export { sumLosses, type SymbolicLayerInput } from './layer';
export { assertInputCompatible } from './input-spec';
export { maskOf, setMask } from './masking';

// Naming and serialization helpers
export { uniqueName, toSnakeCase } from './naming';
export { classNameOf } from './serializable';

// Class tables: the built-in classes by name
export { ClassTable } from './class-table';
export { builtInLayerClasses, builtInLayerClass, resolveBuiltInLayerClass } from './layer-catalog';
export { initializers } from './initializers';
export { regularizers } from './regularizers';
export { constraints } from './constraints';

// Initializer helpers
export { computeFans } from './initializers';

// Base classes and shared types of the built-in layers
export {
  BaseConv,
  type BaseConvArgs,
  BaseConvTranspose,
  type BaseConvTransposeArgs,
  BaseDepthwiseConv,
  type BaseDepthwiseConvArgs,
  BaseSeparableConv,
  type BaseSeparableConvArgs,
} from './layers/convolutional';
export {
  BasePooling,
  type BasePoolingArgs,
  type PoolMode,
  BaseGlobalPooling,
  type BaseGlobalPoolingArgs,
} from './layers/pooling';
export type { AffineArgs } from './layers/normalization';
export { Merge } from './layers/merging';
export type { NestedValues } from './layers/preprocessing';
export { RecurrentCell, type RecurrentCellArgs, type NestedLayer } from './layers/rnn';
