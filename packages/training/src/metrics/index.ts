import type { SerializedObject } from '@strata/layers';
import { ClassTable, toSnakeCase } from '@strata/layers/internal';
import type { Tensor } from '@strata/tensor';
import { TrainingError } from '../errors';
import { lookup, validNames } from '../utils/lookup';
import { getLoss, lossClasses } from '../losses';
import { Metric } from './metric';
import { Mean, Sum, MeanMetricWrapper } from './reduction';
import {
  Accuracy,
  BinaryAccuracy,
  CategoricalAccuracy,
  SparseCategoricalAccuracy,
  TopKCategoricalAccuracy,
  SparseTopKCategoricalAccuracy,
} from './accuracy';
import { MeanSquaredError, MeanAbsoluteError, RootMeanSquaredError } from './regression';
import { Precision, Recall } from './confusion';
import { AUC } from './auc';
import { F1Score, FBetaScore } from './f1';
import { identifierKey } from '../utils/names';

export { Metric, divNoNan, type MetricArgs } from './metric';
export { Mean, Sum, MeanMetricWrapper, samplewise } from './reduction';
export {
  accuracy,
  binaryAccuracy,
  categoricalAccuracy,
  sparseCategoricalAccuracy,
  topKCategoricalAccuracy,
  sparseTopKCategoricalAccuracy,
  Accuracy,
  BinaryAccuracy,
  CategoricalAccuracy,
  SparseCategoricalAccuracy,
  TopKCategoricalAccuracy,
  SparseTopKCategoricalAccuracy,
} from './accuracy';
export { MeanSquaredError, MeanAbsoluteError, RootMeanSquaredError } from './regression';
export {
  Precision,
  Recall,
  flattenDecisions,
  confusionCounts,
  type PrecisionRecallArgs,
  type ConfusionOptions,
} from './confusion';
export { AUC, type AUCArgs } from './auc';
export { F1Score, FBetaScore, type FBetaArgs } from './f1';

/** The built-in metrics by Keras name, in any casing, with Keras's short aliases. */
export const metricClasses = new ClassTable<Metric>('metric', Metric);
metricClasses.register(
  Mean,
  Sum,
  Accuracy,
  BinaryAccuracy,
  CategoricalAccuracy,
  SparseCategoricalAccuracy,
  TopKCategoricalAccuracy,
  SparseTopKCategoricalAccuracy,
  MeanSquaredError,
  MeanAbsoluteError,
  RootMeanSquaredError,
  Precision,
  Recall,
  AUC,
  F1Score,
  FBetaScore,
);
metricClasses.alias('mse', MeanSquaredError);
metricClasses.alias('mae', MeanAbsoluteError);
metricClasses.alias('rmse', RootMeanSquaredError);
metricClasses.alias('top_k_accuracy', TopKCategoricalAccuracy);
metricClasses.alias('sparse_top_k_accuracy', SparseTopKCategoricalAccuracy);

/** What compile() and getMetric() accept as a metric. */
export type MetricIdentifier = Metric | string | SerializedObject | ((yTrue: Tensor, yPred: Tensor) => Tensor);

/**
 * A Metric from an instance, a name ('binary_accuracy', 'mae', 'auc', 'precision', or any loss name,
 * which becomes the mean of that loss), `{className, config}` or a per-sample function. The metric
 * is named as given. 'accuracy' alone means exact equality here; compile() resolves it to the
 * right accuracy from the loss and the shapes.
 *
 * @example
 * ```ts
 * getMetric('mae'); // a MeanAbsoluteError metric
 * ```
 */
export function getMetric(id: MetricIdentifier): Metric {
  if (id instanceof Metric) return id;
  if (typeof id === 'function') return new MeanMetricWrapper(id, {}, id.name ? toSnakeCase(id.name) : 'metric');
  if (typeof id === 'string') {
    // 'mae' and 'binary_accuracy' name the metric as written, 'binaryAccuracy' in snake_case, a class name by its default.
    const name = id[0] === id[0].toUpperCase() ? undefined : toSnakeCase(id);
    const key = identifierKey(id);
    const cls = metricClasses.classes.get(key);
    if (cls) return new cls({ name } as never);
    if (lossClasses.classes.has(key)) {
      const loss = getLoss(id);
      return new MeanMetricWrapper((t, p) => loss.call(t, p), { name: name ?? loss.name }, loss.name, 'down');
    }
    throw new TrainingError(
      `unknown metric ${JSON.stringify(id)}; expected one of ${validNames(metricClasses)}, 'accuracy', a loss name, a Metric instance, or a function (yTrue, yPred) => per-sample values`,
    );
  }
  return lookup(metricClasses, 'metric', id, 'a Metric instance');
}
