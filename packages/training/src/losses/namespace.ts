// The `losses` namespace, as keras.losses: the loss classes and functions and `get`, without the
// registry and reduction helpers the metrics and the Trainer share.
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import {
  Loss as Loss_,
  LossFunctionWrapper as LossFunctionWrapper_,
  meanSquaredError as meanSquaredError_,
  meanAbsoluteError as meanAbsoluteError_,
  meanAbsolutePercentageError as meanAbsolutePercentageError_,
  meanSquaredLogarithmicError as meanSquaredLogarithmicError_,
  huber as huber_,
  logCosh as logCosh_,
  cosineSimilarity as cosineSimilarity_,
  MeanSquaredError as MeanSquaredError_,
  MeanAbsoluteError as MeanAbsoluteError_,
  MeanAbsolutePercentageError as MeanAbsolutePercentageError_,
  MeanSquaredLogarithmicError as MeanSquaredLogarithmicError_,
  Huber as Huber_,
  LogCosh as LogCosh_,
  CosineSimilarity as CosineSimilarity_,
  binaryCrossentropy as binaryCrossentropy_,
  categoricalCrossentropy as categoricalCrossentropy_,
  sparseCategoricalCrossentropy as sparseCategoricalCrossentropy_,
  kullbackLeiblerDivergence as kullbackLeiblerDivergence_,
  poisson as poisson_,
  BinaryCrossentropy as BinaryCrossentropy_,
  CategoricalCrossentropy as CategoricalCrossentropy_,
  SparseCategoricalCrossentropy as SparseCategoricalCrossentropy_,
  KLDivergence as KLDivergence_,
  Poisson as Poisson_,
  hinge as hinge_,
  squaredHinge as squaredHinge_,
  categoricalHinge as categoricalHinge_,
  Hinge as Hinge_,
  SquaredHinge as SquaredHinge_,
  CategoricalHinge as CategoricalHinge_,
  getLoss as get_,
} from './index';
import type {
  Reduction as Reduction_,
  LossArgs as LossArgs_,
  LossFunction as LossFunction_,
  CrossentropyOptions as CrossentropyOptions_,
  SparseCrossentropyOptions as SparseCrossentropyOptions_,
  LossIdentifier as LossIdentifier_,
} from './index';

export namespace losses {
  export const Loss = Loss_;
  export type Loss = Loss_;
  export const LossFunctionWrapper = LossFunctionWrapper_;
  export type LossFunctionWrapper = LossFunctionWrapper_;
  export const meanSquaredError = meanSquaredError_;
  export const meanAbsoluteError = meanAbsoluteError_;
  export const meanAbsolutePercentageError = meanAbsolutePercentageError_;
  export const meanSquaredLogarithmicError = meanSquaredLogarithmicError_;
  export const huber = huber_;
  export const logCosh = logCosh_;
  export const cosineSimilarity = cosineSimilarity_;
  export const MeanSquaredError = MeanSquaredError_;
  export type MeanSquaredError = MeanSquaredError_;
  export const MeanAbsoluteError = MeanAbsoluteError_;
  export type MeanAbsoluteError = MeanAbsoluteError_;
  export const MeanAbsolutePercentageError = MeanAbsolutePercentageError_;
  export type MeanAbsolutePercentageError = MeanAbsolutePercentageError_;
  export const MeanSquaredLogarithmicError = MeanSquaredLogarithmicError_;
  export type MeanSquaredLogarithmicError = MeanSquaredLogarithmicError_;
  export const Huber = Huber_;
  export type Huber = Huber_;
  export const LogCosh = LogCosh_;
  export type LogCosh = LogCosh_;
  export const CosineSimilarity = CosineSimilarity_;
  export type CosineSimilarity = CosineSimilarity_;
  export const binaryCrossentropy = binaryCrossentropy_;
  export const categoricalCrossentropy = categoricalCrossentropy_;
  export const sparseCategoricalCrossentropy = sparseCategoricalCrossentropy_;
  export const kullbackLeiblerDivergence = kullbackLeiblerDivergence_;
  export const poisson = poisson_;
  export const BinaryCrossentropy = BinaryCrossentropy_;
  export type BinaryCrossentropy = BinaryCrossentropy_;
  export const CategoricalCrossentropy = CategoricalCrossentropy_;
  export type CategoricalCrossentropy = CategoricalCrossentropy_;
  export const SparseCategoricalCrossentropy = SparseCategoricalCrossentropy_;
  export type SparseCategoricalCrossentropy = SparseCategoricalCrossentropy_;
  export const KLDivergence = KLDivergence_;
  export type KLDivergence = KLDivergence_;
  export const Poisson = Poisson_;
  export type Poisson = Poisson_;
  export const hinge = hinge_;
  export const squaredHinge = squaredHinge_;
  export const categoricalHinge = categoricalHinge_;
  export const Hinge = Hinge_;
  export type Hinge = Hinge_;
  export const SquaredHinge = SquaredHinge_;
  export type SquaredHinge = SquaredHinge_;
  export const CategoricalHinge = CategoricalHinge_;
  export type CategoricalHinge = CategoricalHinge_;
  export const get = get_;
  export type Reduction = Reduction_;
  export type LossArgs = LossArgs_;
  export type LossFunction = LossFunction_;
  export type CrossentropyOptions = CrossentropyOptions_;
  export type SparseCrossentropyOptions = SparseCrossentropyOptions_;
  export type LossIdentifier = LossIdentifier_;
}
