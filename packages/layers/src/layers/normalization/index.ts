export * from './batch-normalization';
export * from './layer-normalization';
export * from './group-normalization';
export * from './unit-normalization';
export type { AffineArgs } from './affine';
