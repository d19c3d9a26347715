import type { SerializedObject } from '@strata/layers';
import { ClassTable } from '@strata/layers/internal';
import type { Tensor } from '@strata/tensor';
import { TrainingError } from '../errors';
import { lookup } from '../utils/lookup';
import { Loss, LossFunctionWrapper } from './loss';
import {
  MeanSquaredError,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredLogarithmicError,
  Huber,
  LogCosh,
  CosineSimilarity,
} from './regression';
import {
  BinaryCrossentropy,
  CategoricalCrossentropy,
  SparseCategoricalCrossentropy,
  KLDivergence,
  Poisson,
} from './probabilistic';
import { Hinge, SquaredHinge, CategoricalHinge } from './hinge';

export {
  Loss,
  LossFunctionWrapper,
  reduceWeighted,
  standardizeReduction,
  alignLabels,
  type Reduction,
  type LossArgs,
  type LossFunction,
} from './loss';
export {
  meanSquaredError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredLogarithmicError,
  huber,
  logCosh,
  cosineSimilarity,
  l2Normalize,
  MeanSquaredError,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredLogarithmicError,
  Huber,
  LogCosh,
  CosineSimilarity,
  EPSILON,
} from './regression';
export {
  binaryCrossentropy,
  categoricalCrossentropy,
  sparseCategoricalCrossentropy,
  kullbackLeiblerDivergence,
  poisson,
  sparseLabels,
  BinaryCrossentropy,
  CategoricalCrossentropy,
  SparseCategoricalCrossentropy,
  KLDivergence,
  Poisson,
  type CrossentropyOptions,
  type SparseCrossentropyOptions,
} from './probabilistic';
export { hinge, squaredHinge, categoricalHinge, Hinge, SquaredHinge, CategoricalHinge } from './hinge';

/** The built-in losses by Keras name: class names and function names in any casing, and Keras's short aliases. */
export const lossClasses = new ClassTable<Loss>('loss', Loss);
lossClasses.register(
  MeanSquaredError,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredLogarithmicError,
  Huber,
  LogCosh,
  CosineSimilarity,
  BinaryCrossentropy,
  CategoricalCrossentropy,
  SparseCategoricalCrossentropy,
  KLDivergence,
  Poisson,
  Hinge,
  SquaredHinge,
  CategoricalHinge,
);
const aliases: [string, typeof MeanSquaredError][] = [
  ['mse', MeanSquaredError],
  ['mae', MeanAbsoluteError],
  ['mape', MeanAbsolutePercentageError],
  ['msle', MeanSquaredLogarithmicError],
  ['kld', KLDivergence],
  ['kl_divergence', KLDivergence],
  ['kullback_leibler_divergence', KLDivergence],
  ['huber_loss', Huber],
];
for (const [name, cls] of aliases) lossClasses.alias(name, cls);

/** What compile() and getLoss() accept as a loss: an instance, a name, `{className, config}` or a per-sample function. */
export type LossIdentifier = Loss | string | SerializedObject | ((yTrue: Tensor, yPred: Tensor) => Tensor);

/**
 * A Loss from an instance, a name ('mse', 'sparse_categorical_crossentropy', 'sparseCategoricalCrossentropy', ...), a
 * config, or a function.
 *
 * @example
 * ```ts
 * getLoss('mse'); // a MeanSquaredError
 * getLoss((yTrue, yPred) => mean(abs(sub(yPred, yTrue)), -1)); // a LossFunctionWrapper
 * ```
 */
export function getLoss(id: LossIdentifier): Loss {
  if (typeof id === 'function') {
    return new LossFunctionWrapper(
      id,
      {},
      id.name ? id.name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase() : 'loss',
    );
  }
  if (id === null || id === undefined)
    throw new TrainingError(
      `getLoss: expected a loss name, a Loss instance or a function (yTrue, yPred) => Tensor, received ${id}`,
    );
  return lookup(lossClasses, 'loss', id, 'a Loss instance, or a function (yTrue, yPred) => per-sample losses');
}
