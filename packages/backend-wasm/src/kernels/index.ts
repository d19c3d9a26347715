import type { KernelImpl } from '@strata/tensor';
import { cast } from './Cast';
import { conv2DBackpropFilter } from './Conv2DBackpropFilter';
import { depthwiseConv2dNativeBackpropFilter } from './DepthwiseConv2dNativeBackpropFilter';
import { depthwiseConv2dNativeBackpropInput } from './DepthwiseConv2dNativeBackpropInput';
import { maxPoolGrad } from './MaxPoolGrad';
import { unsortedSegmentSum } from './UnsortedSegmentSum';

/** The kernels Strata supplies on wasm, under tfjs-core's kernel names: the ones tfjs-wasm 4.22 lacks or gets wrong. */
export const wasmKernels: Record<string, KernelImpl> = {
  Cast: cast,
  Conv2DBackpropFilter: conv2DBackpropFilter,
  DepthwiseConv2dNativeBackpropFilter: depthwiseConv2dNativeBackpropFilter,
  DepthwiseConv2dNativeBackpropInput: depthwiseConv2dNativeBackpropInput,
  MaxPoolGrad: maxPoolGrad,
  UnsortedSegmentSum: unsortedSegmentSum,
};
