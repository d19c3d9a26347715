// Pooling layers (keras/src/layers/pooling).
export { BasePooling, type BasePoolingArgs, type PoolMode } from './base-pooling';
export { MaxPooling1D, type MaxPooling1DArgs } from './max-pooling1d';
export { MaxPooling2D, type MaxPooling2DArgs } from './max-pooling2d';
export { AveragePooling1D, type AveragePooling1DArgs } from './average-pooling1d';
export { AveragePooling2D, type AveragePooling2DArgs } from './average-pooling2d';
export { BaseGlobalPooling, type BaseGlobalPoolingArgs } from './base-global-pooling';
export { GlobalMaxPooling1D, type GlobalMaxPooling1DArgs } from './global-max-pooling1d';
export { GlobalMaxPooling2D, type GlobalMaxPooling2DArgs } from './global-max-pooling2d';
export { GlobalAveragePooling1D, type GlobalAveragePooling1DArgs } from './global-average-pooling1d';
export { GlobalAveragePooling2D, type GlobalAveragePooling2DArgs } from './global-average-pooling2d';
// Keras's short aliases.
export { MaxPooling1D as MaxPool1D } from './max-pooling1d';
export { MaxPooling2D as MaxPool2D } from './max-pooling2d';
export { AveragePooling1D as AvgPool1D } from './average-pooling1d';
export { AveragePooling2D as AvgPool2D } from './average-pooling2d';
export { GlobalMaxPooling1D as GlobalMaxPool1D } from './global-max-pooling1d';
export { GlobalMaxPooling2D as GlobalMaxPool2D } from './global-max-pooling2d';
export { GlobalAveragePooling1D as GlobalAvgPool1D } from './global-average-pooling1d';
export { GlobalAveragePooling2D as GlobalAvgPool2D } from './global-average-pooling2d';
