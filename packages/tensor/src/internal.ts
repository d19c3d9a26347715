// @strata/tensor/internal: for Strata's own packages (autodiff, layers, graph, backends...), not for users:
// it may change in any release. Users import from '@strata/tensor' (or the 'strata' umbrella).

// The public entry first: a bundler then orders the modules both entries share as the public entry
// evaluates them (esbuild's code splitting otherwise orders its shared chunk from this entry, and an
// import cycle, as the layer catalog's, can then run a subclass before its base class).
import './index';

// Op definitions: defineOp and running one
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

// The engine: op observers (the gradient tape), retain/attach, seeds
export { retain, attachTo } from './memory';
export { type OpObserver, type OpRecord, engine } from './engine';
export { freshSeed } from './random';

// Op definitions (xOp), by family: the gradient rules, graphs and exporters key on them
export { zerosLikeOp, onesLikeOp } from './creation';
export {
  addOp,
  subOp,
  mulOp,
  divOp,
  negOp,
  absOp,
  squareOp,
  reciprocalOp,
  expOp,
  expm1Op,
  logOp,
  sqrtOp,
  rsqrtOp,
  erfOp,
  signOp,
  log1pOp,
  sinOp,
  cosOp,
  tanOp,
  asinOp,
  acosOp,
  atanOp,
  sinhOp,
  coshOp,
  tanhOp,
  asinhOp,
  acoshOp,
  atanhOp,
  floorOp,
  ceilOp,
  roundOp,
  reluOp,
  relu6Op,
  sigmoidOp,
  softplusOp,
  eluOp,
  seluOp,
  leakyReluOp,
  isNaNOp,
  isFiniteOp,
  isInfOp,
  logicalNotOp,
  logicalAndOp,
  logicalOrOp,
  logicalXorOp,
  equalOp,
  notEqualOp,
  lessOp,
  lessEqualOp,
  greaterOp,
  greaterEqualOp,
  maximumOp,
  minimumOp,
  squaredDifferenceOp,
  atan2Op,
  powOp,
  floorDivOp,
  modOp,
  whereOp,
  clipByValueOp,
} from './ops/elementwise';
export {
  sumOp,
  meanOp,
  maxOp,
  minOp,
  prodOp,
  allOp,
  anyOp,
  argMaxOp,
  argMinOp,
  cumsumOp,
  logSumExpOp,
} from './ops/reduction';
export { matmulOp, fusedMatmulOp, einsumOp } from './ops/linalg';
export {
  castOp,
  reshapeOp,
  transposeOp,
  expandDimsOp,
  squeezeOp,
  concatOp,
  stackOp,
  unstackOp,
  splitOp,
  sliceOp,
  stridedSliceOp,
  gatherOp,
  gatherNDOp,
  scatterNDOp,
  tileOp,
  padOp,
  reverseOp,
  broadcastToOp,
  oneHotOp,
  cloneOp,
} from './ops/shape';
export {
  conv2dOp,
  conv1dOp,
  conv2dBackpropInputOp,
  conv2dTransposeOp,
  conv2dBackpropFilterOp,
  depthwiseConv2dOp,
  depthwiseConv2dBackpropInputOp,
  depthwiseConv2dBackpropFilterOp,
  conv3dOp,
  conv3dBackpropInputOp,
  conv3dTransposeOp,
  conv3dBackpropFilterOp,
  maxPool2dOp,
  avgPool2dOp,
  maxPool1dOp,
  avgPool1dOp,
  maxPool2dGradOp,
  avgPool2dGradOp,
  reluGradOp,
  softmaxOp,
  logSoftmaxOp,
  batchNormOp,
  dropoutOp,
  resizeBilinearOp,
  resizeNearestNeighborOp,
  resizeBilinearGradOp,
  resizeNearestNeighborGradOp,
  topKOp,
  unsortedSegmentSumOp,
  fusedConv2dOp,
  fusedDepthwiseConv2dOp,
} from './ops/nn';

// Op building blocks: shape rules and definitions the families share
export {
  unaryDef,
  binaryDef,
  callUnary,
  callBinary,
  type ComputeType,
  type ResultType,
  type ElementwiseOptions,
  type ComposeFn,
} from './ops/elementwise';
export { reducedShape, reductionAxes, reductionDef } from './ops/reduction';
export { matmulShape } from './ops/linalg';
export { resolveReshape, splitSizes, planStridedSlice } from './ops/shape';
export {
  type NormalizedPadding,
  FUSED_ACTIVATIONS,
  conv1dAttrsAs2d,
  pool1dAttrsAs2d,
  type Pool2dGradOptions,
  RELU_GRAD_KERNEL,
  type ResizeGradOptions,
  ADAM_UPDATE_KERNEL,
  adamUpdate,
  adamUpdateOp,
  type AdamUpdateAttrs,
} from './ops/nn';

// Error, shape and dtype helpers
export { upcast, DTYPES } from './dtype';
export { sizeOf, broadcastShapes, normalizeAxis, normalizeAxes } from './shape';
export { opError, fmtShape } from './errors';
export { toTensor, type OpInput } from './convert';
export { formatTensor } from './format';

// Writing a backend: tfjsBackend and the kernel interface
export {
  type Backend,
  type KernelImpl,
  type TfjsBackendOptions,
  type Quirk,
  type BackendQuirks,
  type TensorInfo,
  type DataId,
  tfjsBackend,
} from './backend';

// Kernels composed from registry kernels, and the helpers to write more (for backend packages)
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

// Node builtins behind a run-time check
export { nodeBuiltin } from './node-builtin';

// Kernel attributes of the ops (what a backend kernel receives)
export type { ClipAttrs } from './ops/elementwise';
export type { ReduceAttrs, ArgReduceAttrs, CumsumAttrs } from './ops/reduction';
export type { MatmulAttrs, FusedMatmulAttrs, EinsumAttrs } from './ops/linalg';
export type { SplitAttrs, SliceAttrs, StridedSliceAttrs, GatherAttrs, PadAttrs, OneHotAttrs } from './ops/shape';
export type {
  Conv2dAttrs,
  Conv3dAttrs,
  Pool2dAttrs,
  SoftmaxAttrs,
  ResizeAttrs,
  FusedAttrs,
  Conv1dAttrs,
  Conv2dBackpropInputAttrs,
  Conv2dTransposeAttrs,
  Conv2dBackpropFilterAttrs,
  Conv3dBackpropInputAttrs,
  Conv3dTransposeAttrs,
  Conv3dBackpropFilterAttrs,
  Pool1dAttrs,
  BatchNormAttrs,
  DropoutAttrs,
  ResizeGradAttrs,
  TopKAttrs,
  SegmentSumAttrs,
  FusedConv2dAttrs,
} from './ops/nn';
