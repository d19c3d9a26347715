// Convolution layers (keras/src/layers/convolutional).
export type { DataFormat, ConvPadding } from './conv-utils';
export { BaseConv, type BaseConvArgs } from './base-conv';
export { Conv1D, type Conv1DArgs } from './conv1d';
export { Conv2D, type Conv2DArgs } from './conv2d';
export { Conv3D, type Conv3DArgs } from './conv3d';
export { BaseConvTranspose, type BaseConvTransposeArgs } from './base-conv-transpose';
export { Conv1DTranspose, type Conv1DTransposeArgs } from './conv1d-transpose';
export { Conv2DTranspose, type Conv2DTransposeArgs } from './conv2d-transpose';
export { Conv3DTranspose, type Conv3DTransposeArgs } from './conv3d-transpose';
export { BaseDepthwiseConv, type BaseDepthwiseConvArgs } from './base-depthwise-conv';
export { DepthwiseConv1D, type DepthwiseConv1DArgs } from './depthwise-conv1d';
export { DepthwiseConv2D, type DepthwiseConv2DArgs } from './depthwise-conv2d';
export { BaseSeparableConv, type BaseSeparableConvArgs } from './base-separable-conv';
export { SeparableConv1D, type SeparableConv1DArgs } from './separable-conv1d';
export { SeparableConv2D, type SeparableConv2DArgs } from './separable-conv2d';
