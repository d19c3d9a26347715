// The `optimizers` namespace, as keras.optimizers: the Optimizer base class, the built-in ones, `get`,
// the learning-rate `schedules` (declared inside: the .d.ts bundler cannot alias a namespace), and
// gradient clipping for hand-written loops.
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import * as T from '@strata/training';

export namespace optimizers {
  // optimizers.schedules, as keras.optimizers.schedules: learning-rate schedules
  export namespace schedules {
    export const LearningRateSchedule = T.LearningRateSchedule;
    export type LearningRateSchedule = T.LearningRateSchedule;
    export const ExponentialDecay = T.ExponentialDecay;
    export type ExponentialDecay = T.ExponentialDecay;
    export const PiecewiseConstantDecay = T.PiecewiseConstantDecay;
    export type PiecewiseConstantDecay = T.PiecewiseConstantDecay;
    export const PolynomialDecay = T.PolynomialDecay;
    export type PolynomialDecay = T.PolynomialDecay;
    export const InverseTimeDecay = T.InverseTimeDecay;
    export type InverseTimeDecay = T.InverseTimeDecay;
    export const CosineDecay = T.CosineDecay;
    export type CosineDecay = T.CosineDecay;
    export const CosineDecayRestarts = T.CosineDecayRestarts;
    export type CosineDecayRestarts = T.CosineDecayRestarts;
    export type ExponentialDecayArgs = T.ExponentialDecayArgs;
    export type PiecewiseConstantDecayArgs = T.PiecewiseConstantDecayArgs;
    export type PolynomialDecayArgs = T.PolynomialDecayArgs;
    export type InverseTimeDecayArgs = T.InverseTimeDecayArgs;
    export type CosineDecayArgs = T.CosineDecayArgs;
    export type CosineDecayRestartsArgs = T.CosineDecayRestartsArgs;
  }
  export const Optimizer = T.Optimizer;
  export type Optimizer = T.Optimizer;
  export const SGD = T.SGD;
  export type SGD = T.SGD;
  export const Adam = T.Adam;
  export type Adam = T.Adam;
  export const AdamW = T.AdamW;
  export type AdamW = T.AdamW;
  export const Adamax = T.Adamax;
  export type Adamax = T.Adamax;
  export const Nadam = T.Nadam;
  export type Nadam = T.Nadam;
  export const RMSprop = T.RMSprop;
  export type RMSprop = T.RMSprop;
  export const Adagrad = T.Adagrad;
  export type Adagrad = T.Adagrad;
  export const Adadelta = T.Adadelta;
  export type Adadelta = T.Adadelta;
  export const Lion = T.Lion;
  export type Lion = T.Lion;
  export const get = T.getOptimizer;
  export const clipByNorm = T.clipByNorm;
  export const clipByGlobalNorm = T.clipByGlobalNorm;
  export const globalNorm = T.globalNorm;
  export type OptimizerArgs = T.OptimizerArgs;
  export type LearningRate = T.LearningRate;
  export type GradientAndVariable = T.GradientAndVariable;
  export type SGDArgs = T.SGDArgs;
  export type AdamArgs = T.AdamArgs;
  export type AdamaxArgs = T.AdamaxArgs;
  export type NadamArgs = T.NadamArgs;
  export type RMSpropArgs = T.RMSpropArgs;
  export type AdagradArgs = T.AdagradArgs;
  export type AdadeltaArgs = T.AdadeltaArgs;
  export type LionArgs = T.LionArgs;
}
