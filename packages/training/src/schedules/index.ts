import { ClassTable } from '@strata/layers/internal';
import { LearningRateSchedule } from './learning-rate-schedule';
import { ExponentialDecay } from './exponential-decay';
import { PiecewiseConstantDecay } from './piecewise-constant-decay';
import { PolynomialDecay } from './polynomial-decay';
import { InverseTimeDecay } from './inverse-time-decay';
import { CosineDecay } from './cosine-decay';
import { CosineDecayRestarts } from './cosine-decay-restarts';

export {
  LearningRateSchedule,
  ExponentialDecay,
  PiecewiseConstantDecay,
  PolynomialDecay,
  InverseTimeDecay,
  CosineDecay,
  CosineDecayRestarts,
};
export type { ExponentialDecayArgs } from './exponential-decay';
export type { PiecewiseConstantDecayArgs } from './piecewise-constant-decay';
export type { PolynomialDecayArgs } from './polynomial-decay';
export type { InverseTimeDecayArgs } from './inverse-time-decay';
export type { CosineDecayArgs } from './cosine-decay';
export type { CosineDecayRestartsArgs } from './cosine-decay-restarts';

/** The built-in schedules by Keras class name, for `{className, config}` identifiers. */
export const scheduleClasses = new ClassTable<LearningRateSchedule>('learning rate schedule', LearningRateSchedule);
// Schedules need their arguments, so they resolve only from {className, config} (the casts say so).
scheduleClasses.register(
  ...([
    ExponentialDecay,
    PiecewiseConstantDecay,
    PolynomialDecay,
    InverseTimeDecay,
    CosineDecay,
    CosineDecayRestarts,
  ] as never[]),
);
