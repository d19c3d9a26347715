// The `optimizers` namespace, as keras.optimizers: the Optimizer base class, the built-in ones, `get`,
// the learning-rate `schedules` (declared inside: the .d.ts bundler cannot alias a namespace), and
// gradient clipping for hand-written loops.
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import {
  Optimizer as Optimizer_,
  SGD as SGD_,
  Adam as Adam_,
  AdamW as AdamW_,
  Adamax as Adamax_,
  Nadam as Nadam_,
  RMSprop as RMSprop_,
  Adagrad as Adagrad_,
  Adadelta as Adadelta_,
  Lion as Lion_,
  getOptimizer as get_,
  clipByNorm as clipByNorm_,
  clipByGlobalNorm as clipByGlobalNorm_,
  globalNorm as globalNorm_,
} from '@strata/training';
import type {
  OptimizerArgs as OptimizerArgs_,
  LearningRate as LearningRate_,
  GradientAndVariable as GradientAndVariable_,
  SGDArgs as SGDArgs_,
  AdamArgs as AdamArgs_,
  AdamaxArgs as AdamaxArgs_,
  NadamArgs as NadamArgs_,
  RMSpropArgs as RMSpropArgs_,
  AdagradArgs as AdagradArgs_,
  AdadeltaArgs as AdadeltaArgs_,
  LionArgs as LionArgs_,
} from '@strata/training';
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

export namespace optimizers {
  // optimizers.schedules, as keras.optimizers.schedules: learning-rate schedules
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
  export const Optimizer = Optimizer_;
  export type Optimizer = Optimizer_;
  export const SGD = SGD_;
  export type SGD = SGD_;
  export const Adam = Adam_;
  export type Adam = Adam_;
  export const AdamW = AdamW_;
  export type AdamW = AdamW_;
  export const Adamax = Adamax_;
  export type Adamax = Adamax_;
  export const Nadam = Nadam_;
  export type Nadam = Nadam_;
  export const RMSprop = RMSprop_;
  export type RMSprop = RMSprop_;
  export const Adagrad = Adagrad_;
  export type Adagrad = Adagrad_;
  export const Adadelta = Adadelta_;
  export type Adadelta = Adadelta_;
  export const Lion = Lion_;
  export type Lion = Lion_;
  export const get = get_;
  export const clipByNorm = clipByNorm_;
  export const clipByGlobalNorm = clipByGlobalNorm_;
  export const globalNorm = globalNorm_;
  export type OptimizerArgs = OptimizerArgs_;
  export type LearningRate = LearningRate_;
  export type GradientAndVariable = GradientAndVariable_;
  export type SGDArgs = SGDArgs_;
  export type AdamArgs = AdamArgs_;
  export type AdamaxArgs = AdamaxArgs_;
  export type NadamArgs = NadamArgs_;
  export type RMSpropArgs = RMSpropArgs_;
  export type AdagradArgs = AdagradArgs_;
  export type AdadeltaArgs = AdadeltaArgs_;
  export type LionArgs = LionArgs_;
}
