// @strata/training: the whole public API, as named exports.
export { TrainingError } from './errors';
export * from './schedules';
export * from './optimizers';
