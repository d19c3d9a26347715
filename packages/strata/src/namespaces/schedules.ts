// The `optimizers.schedules` namespace, as keras.optimizers.schedules: learning-rate schedules.
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import {
  LearningRateSchedule as LearningRateSchedule_,
  ExponentialDecay as ExponentialDecay_,
  PiecewiseConstantDecay as PiecewiseConstantDecay_,
  PolynomialDecay as PolynomialDecay_,
  InverseTimeDecay as InverseTimeDecay_,
  CosineDecay as CosineDecay_,
  CosineDecayRestarts as CosineDecayRestarts_,
} from '@strata/training';
import type {
  ExponentialDecayArgs as ExponentialDecayArgs_,
  PiecewiseConstantDecayArgs as PiecewiseConstantDecayArgs_,
  PolynomialDecayArgs as PolynomialDecayArgs_,
  InverseTimeDecayArgs as InverseTimeDecayArgs_,
  CosineDecayArgs as CosineDecayArgs_,
  CosineDecayRestartsArgs as CosineDecayRestartsArgs_,
} from '@strata/training';

export namespace schedules {
  export const LearningRateSchedule = LearningRateSchedule_;
  export type LearningRateSchedule = LearningRateSchedule_;
  export const ExponentialDecay = ExponentialDecay_;
  export type ExponentialDecay = ExponentialDecay_;
  export const PiecewiseConstantDecay = PiecewiseConstantDecay_;
  export type PiecewiseConstantDecay = PiecewiseConstantDecay_;
  export const PolynomialDecay = PolynomialDecay_;
  export type PolynomialDecay = PolynomialDecay_;
  export const InverseTimeDecay = InverseTimeDecay_;
  export type InverseTimeDecay = InverseTimeDecay_;
  export const CosineDecay = CosineDecay_;
  export type CosineDecay = CosineDecay_;
  export const CosineDecayRestarts = CosineDecayRestarts_;
  export type CosineDecayRestarts = CosineDecayRestarts_;
  export type ExponentialDecayArgs = ExponentialDecayArgs_;
  export type PiecewiseConstantDecayArgs = PiecewiseConstantDecayArgs_;
  export type PolynomialDecayArgs = PolynomialDecayArgs_;
  export type InverseTimeDecayArgs = InverseTimeDecayArgs_;
  export type CosineDecayArgs = CosineDecayArgs_;
  export type CosineDecayRestartsArgs = CosineDecayRestartsArgs_;
}
