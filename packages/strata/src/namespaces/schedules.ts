// The `optimizers.schedules` namespace, as keras.optimizers.schedules: learning-rate schedules.
export {
  LearningRateSchedule,
  ExponentialDecay,
  PiecewiseConstantDecay,
  PolynomialDecay,
  InverseTimeDecay,
  CosineDecay,
  CosineDecayRestarts,
  type ExponentialDecayArgs,
  type PiecewiseConstantDecayArgs,
  type PolynomialDecayArgs,
  type InverseTimeDecayArgs,
  type CosineDecayArgs,
  type CosineDecayRestartsArgs,
} from '@strata/training';
