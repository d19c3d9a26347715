export * from './rescaling';
export * from './normalization';
export * from './resizing';
export * from './center-crop';
export type { NestedValues } from './nested-values';
export type { Interpolation } from './image-geometry';
