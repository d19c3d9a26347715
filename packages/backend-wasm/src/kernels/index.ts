import { ADAM_UPDATE_KERNEL, composedKernels, type KernelImpl } from '@strata/tensor/internal';
import { adamUpdate } from './AdamUpdate';
import { batchMatMul } from './BatchMatMul';
import { cast } from './Cast';
import { conv2D, fusedConv2D } from './Conv2D';
import { conv2DBackpropFilter } from './Conv2DBackpropFilter';
import { conv2DBackpropInput } from './Conv2DBackpropInput';
import { conv3DBackpropFilterV2 } from './Conv3DBackpropFilterV2';
import { conv3DBackpropInputV2 } from './Conv3DBackpropInputV2';
import { depthwiseConv2dNativeBackpropFilter } from './DepthwiseConv2dNativeBackpropFilter';
import { depthwiseConv2dNativeBackpropInput } from './DepthwiseConv2dNativeBackpropInput';
import { fusedDepthwiseConv2D, fusedMatMul } from './FusedBias';
import { maxPoolGrad } from './MaxPoolGrad';
import { reluGrad } from './ReluGrad';
import { slice, unpack } from './Slice';
import { sum } from './Sum';
import { unsortedSegmentSum } from './UnsortedSegmentSum';

/** The kernels Strata supplies on wasm, under tfjs-core's kernel names: the ones tfjs-wasm 4.22 lacks or gets wrong. */
export const wasmKernels: Record<string, KernelImpl> = {
  ...composedKernels, // Conv2DBackpropFilter, replaced below by the im2col one
  BatchMatMul: batchMatMul,
  Cast: cast,
  Conv2D: conv2D, // Strata's direct SIMD loop on one thread, else tfjs-wasm's (XNNPACK)
  Conv2DBackpropFilter: conv2DBackpropFilter,
  Conv2DBackpropInput: conv2DBackpropInput,
  Conv3DBackpropFilterV2: conv3DBackpropFilterV2,
  Conv3DBackpropInputV2: conv3DBackpropInputV2,
  DepthwiseConv2dNativeBackpropFilter: depthwiseConv2dNativeBackpropFilter,
  DepthwiseConv2dNativeBackpropInput: depthwiseConv2dNativeBackpropInput,
  MaxPoolGrad: maxPoolGrad,
  UnsortedSegmentSum: unsortedSegmentSum,
  ReluGrad: reluGrad, // Strata's own kernel name: tfjs has no relu gradient kernel
  [ADAM_UPDATE_KERNEL]: adamUpdate, // Strata's own too: Adam's step in one pass
  Slice: slice,
  Sum: sum,
  _FusedMatMul: fusedMatMul,
  FusedConv2D: fusedConv2D,
  FusedDepthwiseConv2D: fusedDepthwiseConv2D,
  Unpack: unpack,
};
