export { Merge } from './merge';
export * from './add';
export * from './subtract';
export * from './multiply';
export * from './average';
export * from './maximum';
export * from './minimum';
export * from './concatenate';
export * from './dot';
