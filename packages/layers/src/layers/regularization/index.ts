export * from './dropout';
export * from './spatial-dropout1d';
export * from './spatial-dropout2d';
export * from './spatial-dropout3d';
export * from './gaussian-noise';
export * from './gaussian-dropout';
export * from './activity-regularization';
export type { SpatialDropoutArgs, SpatialDropoutNdArgs } from './spatial-dropout';
