// @strata/tensor: the whole public API, as named exports.
export { Tensor, Variable, type NestedArray } from './tensor';
export { type DType, type TypedArray, type DataFor, upcast, DTYPES } from './dtype';
export {
  type Shape,
  type Dim,
  type ConcreteShape,
  sizeOf,
  broadcastShapes,
  normalizeAxis,
  normalizeAxes,
} from './shape';
export { StrataError, opError, fmtShape } from './errors';
export {
  type Backend,
  type BackendFactory,
  type KernelImpl,
  type TfjsBackendOptions,
  type Quirk,
  type BackendQuirks,
  type TensorInfo,
  type DataId,
  tfjsBackend,
} from './backend';
// For backend packages: kernels composed from registry kernels, and the helpers to write more.
export {
  composedKernels,
  composed,
  composedMulti,
  Scratch,
  convGradInfo,
  padOrCrop,
  spreadByStrides,
  segmentSumGeometry,
  sumSegments,
  type ConvGradAttrs,
  type Conv2DInfo,
  type SpatialMargins,
} from './kernels';
export { registerBackend, setBackend, getBackend, ready, registeredBackends } from './backends';
export { tidy, keep, dispose, memory, retain, attachTo, profile } from './memory';
export { Profile, type KernelProfile } from './profile';
export { type MemoryInfo, type OpObserver, type OpRecord, engine } from './engine';
export {
  type OpDef,
  type TensorSpec,
  type KernelContext,
  type SymbolicTensorLike,
  defineOp,
  runOp,
  runOpMulti,
  isSymbolic,
} from './op';
export { tensor, scalar, toTensor, type TensorLike, type OpInput } from './convert';
export { fill, zeros, ones, zerosLike, onesLike, zerosLikeOp, onesLikeOp, eye, range, linspace } from './creation';
export {
  randomNormal,
  randomUniform,
  truncatedNormal,
  setRandomSeed,
  freshSeed,
  type Seed,
  type NormalOptions,
  type UniformOptions,
} from './random';
export { variable, type VariableOptions } from './variable';
export { formatTensor } from './format';
export * from './ops';
/** The ops again as one namespace, as Keras has `keras.ops`: `ops.matmul(a, b)`. */
export * as ops from './ops';
export { nodeBuiltin } from './node-builtin';
/** Nested arrays and records of values (`keras.tree`): `nest.flatten`, `nest.map`, `nest.isRecord`, ... */
export * as nest from './nest';
