// @strata/tensor: the public API, by name. What sibling packages share but users should not lean on
// (op definitions, the engine, kernel helpers) is in '@strata/tensor/internal'.

// Tensors and variables
export { Tensor, Variable, type NestedArray } from './tensor';
export { variable, type VariableOptions } from './variable';

// dtypes and shapes
export type { DType, TypedArray, DataFor } from './dtype';
export type { Shape, Dim, ConcreteShape } from './shape';

// Creating tensors
export { tensor, scalar, type TensorLike } from './convert';
export { fill, zeros, ones, zerosLike, onesLike, eye, range, linspace } from './creation';

// Random tensors and the global seed
export {
  randomNormal,
  randomUniform,
  truncatedNormal,
  setRandomSeed,
  type Seed,
  type NormalOptions,
  type UniformOptions,
} from './random';

// Memory: scopes, disposal, accounting, profiling
export { tidy, keep, dispose, memory, profile } from './memory';
export { Profile, type KernelProfile } from './profile';
export type { MemoryInfo } from './engine';

// Backends: choosing one, and the factory a backend package exports
export type { BackendFactory } from './backend';
export { registerBackend, setBackend, getBackend, ready, registeredBackends } from './backends';

// Errors
export { StrataError } from './errors';

// Nested arrays and records of values (keras.tree): nest.flatten, nest.map, nest.isRecord, ...
import * as nest from './nest';
export { nest };

// Ops: elementwise math, comparison, logic, activations
export {
  add,
  sub,
  mul,
  div,
  neg,
  abs,
  square,
  reciprocal,
  exp,
  expm1,
  log,
  sqrt,
  rsqrt,
  erf,
  sign,
  log1p,
  sin,
  cos,
  tan,
  asin,
  acos,
  atan,
  sinh,
  cosh,
  tanh,
  asinh,
  acosh,
  atanh,
  floor,
  ceil,
  round,
  leakyRelu,
  relu,
  relu6,
  sigmoid,
  softplus,
  elu,
  selu,
  isNaN,
  isFinite,
  isInf,
  logicalNot,
  logicalAnd,
  logicalOr,
  logicalXor,
  equal,
  notEqual,
  less,
  lessEqual,
  greater,
  greaterEqual,
  maximum,
  minimum,
  squaredDifference,
  atan2,
  pow,
  floorDiv,
  mod,
  where,
  clipByValue,
} from './ops/elementwise';

// Ops: reductions
export {
  type ReductionOptions,
  sum,
  mean,
  max,
  min,
  prod,
  all,
  any,
  argMax,
  argMin,
  cumsum,
  type CumsumOptions,
  logSumExp,
} from './ops/reduction';

// Ops: linear algebra
export { matmul, type MatmulOptions, fusedMatmul, type FusedMatmulArgs, dot, einsum } from './ops/linalg';

// Ops: shape, slicing, gathering, casting
export {
  cast,
  reshape,
  transpose,
  expandDims,
  squeeze,
  concat,
  stack,
  unstack,
  split,
  slice,
  stridedSlice,
  type StridedSliceOptions,
  gather,
  gatherND,
  scatterND,
  tile,
  pad,
  type PadMode,
  type PadOptions,
  reverse,
  broadcastTo,
  oneHot,
  type OneHotOptions,
  clone,
} from './ops/shape';

// Ops: neural network (convolution, pooling, normalization, resizing; channels-last)
export {
  type Pair,
  type Padding,
  type ExplicitPadding,
  type Conv2dOptions,
  type Triple,
  type Conv3dOptions,
  type Pool2dOptions,
  type ResizeOptions,
  type FusedActivation,
  type FusedOptions,
  conv2d,
  conv1d,
  type Conv1dOptions,
  conv2dTranspose,
  depthwiseConv2d,
  separableConv2d,
  conv3d,
  conv3dTranspose,
  maxPool2d,
  avgPool2d,
  maxPool,
  avgPool,
  maxPool1d,
  avgPool1d,
  type Pool1dOptions,
  softmax,
  logSoftmax,
  batchNorm,
  dropout,
  type DropoutOptions,
  resizeBilinear,
  resizeNearestNeighbor,
  topK,
  unsortedSegmentSum,
  fusedConv2d,
  fusedDepthwiseConv2d,
  type FusedConv2dArgs,
} from './ops/nn';

// Ops: gradients of the nn ops (for customGradient and the gradient rules)
export {
  conv2dBackpropInput,
  conv2dBackpropFilter,
  depthwiseConv2dBackpropInput,
  depthwiseConv2dBackpropFilter,
  conv3dBackpropInput,
  conv3dBackpropFilter,
  maxPool2dGrad,
  avgPool2dGrad,
  reluGrad,
  resizeBilinearGrad,
  resizeNearestNeighborGrad,
} from './ops/nn';
