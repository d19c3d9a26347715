// The `ops` namespace, as keras.ops: every op function of @strata/tensor (eager on tensors, symbolic on
// the outputs of input()), with the types of their options.
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import {
  add as add_,
  sub as sub_,
  mul as mul_,
  div as div_,
  neg as neg_,
  abs as abs_,
  square as square_,
  reciprocal as reciprocal_,
  exp as exp_,
  expm1 as expm1_,
  log as log_,
  sqrt as sqrt_,
  rsqrt as rsqrt_,
  erf as erf_,
  sign as sign_,
  log1p as log1p_,
  sin as sin_,
  cos as cos_,
  tan as tan_,
  asin as asin_,
  acos as acos_,
  atan as atan_,
  sinh as sinh_,
  cosh as cosh_,
  tanh as tanh_,
  asinh as asinh_,
  acosh as acosh_,
  atanh as atanh_,
  floor as floor_,
  ceil as ceil_,
  round as round_,
  leakyRelu as leakyRelu_,
  relu as relu_,
  relu6 as relu6_,
  sigmoid as sigmoid_,
  softplus as softplus_,
  elu as elu_,
  selu as selu_,
  isNaN as isNaN_,
  isFinite as isFinite_,
  isInf as isInf_,
  logicalNot as logicalNot_,
  logicalAnd as logicalAnd_,
  logicalOr as logicalOr_,
  logicalXor as logicalXor_,
  equal as equal_,
  notEqual as notEqual_,
  less as less_,
  lessEqual as lessEqual_,
  greater as greater_,
  greaterEqual as greaterEqual_,
  maximum as maximum_,
  minimum as minimum_,
  squaredDifference as squaredDifference_,
  atan2 as atan2_,
  pow as pow_,
  floorDiv as floorDiv_,
  mod as mod_,
  where as where_,
  clipByValue as clipByValue_,
  sum as sum_,
  mean as mean_,
  max as max_,
  min as min_,
  prod as prod_,
  all as all_,
  any as any_,
  argMax as argMax_,
  argMin as argMin_,
  cumsum as cumsum_,
  logSumExp as logSumExp_,
  matmul as matmul_,
  fusedMatmul as fusedMatmul_,
  dot as dot_,
  einsum as einsum_,
  cast as cast_,
  reshape as reshape_,
  transpose as transpose_,
  expandDims as expandDims_,
  squeeze as squeeze_,
  concat as concat_,
  stack as stack_,
  unstack as unstack_,
  split as split_,
  slice as slice_,
  stridedSlice as stridedSlice_,
  gather as gather_,
  gatherND as gatherND_,
  scatterND as scatterND_,
  tile as tile_,
  pad as pad_,
  reverse as reverse_,
  broadcastTo as broadcastTo_,
  oneHot as oneHot_,
  clone as clone_,
  conv2d as conv2d_,
  conv1d as conv1d_,
  conv2dBackpropInput as conv2dBackpropInput_,
  conv2dTranspose as conv2dTranspose_,
  conv2dBackpropFilter as conv2dBackpropFilter_,
  depthwiseConv2d as depthwiseConv2d_,
  depthwiseConv2dBackpropInput as depthwiseConv2dBackpropInput_,
  depthwiseConv2dBackpropFilter as depthwiseConv2dBackpropFilter_,
  separableConv2d as separableConv2d_,
  conv3d as conv3d_,
  conv3dBackpropInput as conv3dBackpropInput_,
  conv3dTranspose as conv3dTranspose_,
  conv3dBackpropFilter as conv3dBackpropFilter_,
  maxPool2d as maxPool2d_,
  avgPool2d as avgPool2d_,
  maxPool as maxPool_,
  avgPool as avgPool_,
  maxPool1d as maxPool1d_,
  avgPool1d as avgPool1d_,
  maxPool2dGrad as maxPool2dGrad_,
  avgPool2dGrad as avgPool2dGrad_,
  reluGrad as reluGrad_,
  softmax as softmax_,
  logSoftmax as logSoftmax_,
  batchNorm as batchNorm_,
  dropout as dropout_,
  resizeBilinear as resizeBilinear_,
  resizeNearestNeighbor as resizeNearestNeighbor_,
  resizeBilinearGrad as resizeBilinearGrad_,
  resizeNearestNeighborGrad as resizeNearestNeighborGrad_,
  topK as topK_,
  unsortedSegmentSum as unsortedSegmentSum_,
  fusedConv2d as fusedConv2d_,
  fusedDepthwiseConv2d as fusedDepthwiseConv2d_,
} from '@strata/tensor';
import type {
  ReductionOptions as ReductionOptions_,
  CumsumOptions as CumsumOptions_,
  MatmulOptions as MatmulOptions_,
  FusedMatmulArgs as FusedMatmulArgs_,
  StridedSliceOptions as StridedSliceOptions_,
  PadMode as PadMode_,
  PadOptions as PadOptions_,
  OneHotOptions as OneHotOptions_,
  Pair as Pair_,
  Padding as Padding_,
  ExplicitPadding as ExplicitPadding_,
  Conv2dOptions as Conv2dOptions_,
  Triple as Triple_,
  Conv3dOptions as Conv3dOptions_,
  Pool2dOptions as Pool2dOptions_,
  ResizeOptions as ResizeOptions_,
  FusedActivation as FusedActivation_,
  FusedOptions as FusedOptions_,
  Conv1dOptions as Conv1dOptions_,
  Pool1dOptions as Pool1dOptions_,
  DropoutOptions as DropoutOptions_,
  FusedConv2dArgs as FusedConv2dArgs_,
} from '@strata/tensor';

export namespace ops {
  export const add = add_;
  export const sub = sub_;
  export const mul = mul_;
  export const div = div_;
  export const neg = neg_;
  export const abs = abs_;
  export const square = square_;
  export const reciprocal = reciprocal_;
  export const exp = exp_;
  export const expm1 = expm1_;
  export const log = log_;
  export const sqrt = sqrt_;
  export const rsqrt = rsqrt_;
  export const erf = erf_;
  export const sign = sign_;
  export const log1p = log1p_;
  export const sin = sin_;
  export const cos = cos_;
  export const tan = tan_;
  export const asin = asin_;
  export const acos = acos_;
  export const atan = atan_;
  export const sinh = sinh_;
  export const cosh = cosh_;
  export const tanh = tanh_;
  export const asinh = asinh_;
  export const acosh = acosh_;
  export const atanh = atanh_;
  export const floor = floor_;
  export const ceil = ceil_;
  export const round = round_;
  export const leakyRelu = leakyRelu_;
  export const relu = relu_;
  export const relu6 = relu6_;
  export const sigmoid = sigmoid_;
  export const softplus = softplus_;
  export const elu = elu_;
  export const selu = selu_;
  export const isNaN = isNaN_;
  export const isFinite = isFinite_;
  export const isInf = isInf_;
  export const logicalNot = logicalNot_;
  export const logicalAnd = logicalAnd_;
  export const logicalOr = logicalOr_;
  export const logicalXor = logicalXor_;
  export const equal = equal_;
  export const notEqual = notEqual_;
  export const less = less_;
  export const lessEqual = lessEqual_;
  export const greater = greater_;
  export const greaterEqual = greaterEqual_;
  export const maximum = maximum_;
  export const minimum = minimum_;
  export const squaredDifference = squaredDifference_;
  export const atan2 = atan2_;
  export const pow = pow_;
  export const floorDiv = floorDiv_;
  export const mod = mod_;
  export const where = where_;
  export const clipByValue = clipByValue_;
  export const sum = sum_;
  export const mean = mean_;
  export const max = max_;
  export const min = min_;
  export const prod = prod_;
  export const all = all_;
  export const any = any_;
  export const argMax = argMax_;
  export const argMin = argMin_;
  export const cumsum = cumsum_;
  export const logSumExp = logSumExp_;
  export const matmul = matmul_;
  export const fusedMatmul = fusedMatmul_;
  export const dot = dot_;
  export const einsum = einsum_;
  export const cast = cast_;
  export const reshape = reshape_;
  export const transpose = transpose_;
  export const expandDims = expandDims_;
  export const squeeze = squeeze_;
  export const concat = concat_;
  export const stack = stack_;
  export const unstack = unstack_;
  export const split = split_;
  export const slice = slice_;
  export const stridedSlice = stridedSlice_;
  export const gather = gather_;
  export const gatherND = gatherND_;
  export const scatterND = scatterND_;
  export const tile = tile_;
  export const pad = pad_;
  export const reverse = reverse_;
  export const broadcastTo = broadcastTo_;
  export const oneHot = oneHot_;
  export const clone = clone_;
  export const conv2d = conv2d_;
  export const conv1d = conv1d_;
  export const conv2dBackpropInput = conv2dBackpropInput_;
  export const conv2dTranspose = conv2dTranspose_;
  export const conv2dBackpropFilter = conv2dBackpropFilter_;
  export const depthwiseConv2d = depthwiseConv2d_;
  export const depthwiseConv2dBackpropInput = depthwiseConv2dBackpropInput_;
  export const depthwiseConv2dBackpropFilter = depthwiseConv2dBackpropFilter_;
  export const separableConv2d = separableConv2d_;
  export const conv3d = conv3d_;
  export const conv3dBackpropInput = conv3dBackpropInput_;
  export const conv3dTranspose = conv3dTranspose_;
  export const conv3dBackpropFilter = conv3dBackpropFilter_;
  export const maxPool2d = maxPool2d_;
  export const avgPool2d = avgPool2d_;
  export const maxPool = maxPool_;
  export const avgPool = avgPool_;
  export const maxPool1d = maxPool1d_;
  export const avgPool1d = avgPool1d_;
  export const maxPool2dGrad = maxPool2dGrad_;
  export const avgPool2dGrad = avgPool2dGrad_;
  export const reluGrad = reluGrad_;
  export const softmax = softmax_;
  export const logSoftmax = logSoftmax_;
  export const batchNorm = batchNorm_;
  export const dropout = dropout_;
  export const resizeBilinear = resizeBilinear_;
  export const resizeNearestNeighbor = resizeNearestNeighbor_;
  export const resizeBilinearGrad = resizeBilinearGrad_;
  export const resizeNearestNeighborGrad = resizeNearestNeighborGrad_;
  export const topK = topK_;
  export const unsortedSegmentSum = unsortedSegmentSum_;
  export const fusedConv2d = fusedConv2d_;
  export const fusedDepthwiseConv2d = fusedDepthwiseConv2d_;
  export type ReductionOptions = ReductionOptions_;
  export type CumsumOptions = CumsumOptions_;
  export type MatmulOptions = MatmulOptions_;
  export type FusedMatmulArgs = FusedMatmulArgs_;
  export type StridedSliceOptions = StridedSliceOptions_;
  export type PadMode = PadMode_;
  export type PadOptions = PadOptions_;
  export type OneHotOptions = OneHotOptions_;
  export type Pair = Pair_;
  export type Padding = Padding_;
  export type ExplicitPadding = ExplicitPadding_;
  export type Conv2dOptions = Conv2dOptions_;
  export type Triple = Triple_;
  export type Conv3dOptions = Conv3dOptions_;
  export type Pool2dOptions = Pool2dOptions_;
  export type ResizeOptions = ResizeOptions_;
  export type FusedActivation = FusedActivation_;
  export type FusedOptions = FusedOptions_;
  export type Conv1dOptions = Conv1dOptions_;
  export type Pool1dOptions = Pool1dOptions_;
  export type DropoutOptions = DropoutOptions_;
  export type FusedConv2dArgs = FusedConv2dArgs_;
}
