// Kernels composed from other kernels, which any backend can adopt through `tfjsBackend({kernels})`:
// they run only registry kernels (Conv2D, Transpose, PadV2, Slice, ...), so they work wherever those do.
// Backend packages also build their own composed kernels with `composed` and the helpers here.
import type { KernelImpl } from '../backend';
import { conv2DBackpropFilter } from './Conv2DBackpropFilter';

export { composed, composedMulti, Scratch } from './scratch';
export { convGradInfo, type ConvGradAttrs, type Conv2DInfo } from './conv-info';
export { padOrCrop, spreadByStrides, type SpatialMargins } from './spatial';
export { segmentSumGeometry, sumSegments } from './segment-sum';
export { conv2DBackpropFilter };

/**
 * Composed kernels faster than the TensorFlow.js kernel of the same name on some backends:
 * tfjs-wasm lacks Conv2DBackpropFilter, and tfjs-cpu's reads every element through
 * `TensorBuffer.get` (5-18× slower than this convolution of the input with dy).
 */
export const composedKernels: Record<string, KernelImpl> = {
  Conv2DBackpropFilter: conv2DBackpropFilter,
};
