// Reshaping layers (keras/src/layers/reshaping).
export { Flatten, type FlattenArgs } from './flatten';
export { Reshape, type ReshapeArgs } from './reshape';
export { Permute, type PermuteArgs } from './permute';
export { RepeatVector, type RepeatVectorArgs } from './repeat-vector';
export { UpSampling1D, type UpSampling1DArgs } from './up-sampling1d';
export { UpSampling2D, type UpSampling2DArgs, type UpSamplingInterpolation } from './up-sampling2d';
export { ZeroPadding1D, type ZeroPadding1DArgs } from './zero-padding1d';
export { ZeroPadding2D, type ZeroPadding2DArgs } from './zero-padding2d';
export { Cropping1D, type Cropping1DArgs } from './cropping1d';
export { Cropping2D, type Cropping2DArgs } from './cropping2d';
