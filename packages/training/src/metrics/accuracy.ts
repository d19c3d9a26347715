import { type Tensor, argMax, cast, equal, greater, lessEqual, mul, oneHot, squeeze, sum, tidy } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { TrainingError } from '../errors';
import { alignLabels } from '../losses/loss';
import { MeanMetricWrapper } from './reduction';
import type { MetricArgs } from './metric';

/**
 * 1 where yTrue equals yPred exactly, else 0 (for labels and predictions already on one scale).
 *
 * @example
 * ```ts
 * metrics.accuracy(tensor([1, 2, 3, 4]), tensor([0, 2, 3, 4])); // [0, 1, 1, 1]
 * ```
 */
export function accuracy(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('accuracy', yTrue, yPred);
    return cast(equal(t, p), 'float32');
  });
}

/**
 * 1 where `yPred > threshold` agrees with the binary label, per element.
 *
 * @example
 * ```ts
 * binaryAccuracy(tensor([[1], [0]]), tensor([[0.7], [0.6]])); // [[1], [0]]
 * ```
 */
export function binaryAccuracy(yTrue: Tensor, yPred: Tensor, threshold = 0.5): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('binaryAccuracy', yTrue, yPred);
    return cast(equal(t, cast(greater(p, threshold), 'float32')), 'float32');
  });
}

/**
 * 1 where the largest prediction is at the one-hot label's class, per sample.
 *
 * @example
 * ```ts
 * categoricalAccuracy(tensor([[0, 0, 1], [0, 1, 0]]), tensor([[0.1, 0.9, 0.8], [0.05, 0.95, 0]])); // [0, 1]
 * ```
 */
export function categoricalAccuracy(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels(
      'categoricalAccuracy',
      yTrue,
      yPred,
      '; for integer class labels use sparseCategoricalAccuracy',
    );
    return cast(equal(argMax(t, -1), argMax(p, -1)), 'float32');
  });
}

/** Integer labels of shape yPred.shape[:-1] (a trailing axis of 1 is squeezed), checked. */
function classLabels(owner: string, yTrue: Tensor, yPred: Tensor): Tensor {
  let t = yTrue;
  if (t.rank === yPred.rank && t.shape[t.rank - 1] === 1) t = squeeze(t, -1);
  const want = yPred.shape.slice(0, -1);
  if (t.rank !== want.length || t.shape.some((d, i) => d !== want[i])) {
    throw new TrainingError(
      `${owner}: expected integer class labels of shape ${fmtShape(want)} for predictions of shape ${fmtShape(yPred.shape)}, received ${fmtShape(yTrue.shape)}`,
    );
  }
  return t.dtype === 'int32' ? t : cast(t, 'int32');
}

/**
 * 1 where the largest prediction is at the integer label, per sample.
 *
 * @example
 * ```ts
 * sparseCategoricalAccuracy(tensor([2, 1]), tensor([[0.1, 0.6, 0.3], [0.05, 0.95, 0]])); // [0, 1]
 * ```
 */
export function sparseCategoricalAccuracy(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => cast(equal(classLabels('sparseCategoricalAccuracy', yTrue, yPred), argMax(yPred, -1)), 'float32'));
}

/** 1 where the true class's score is among the k largest (fewer than k classes score strictly higher), per sample. */
function inTopK(scores: Tensor, labels: Tensor, k: number): Tensor {
  const numClasses = scores.shape[scores.rank - 1];
  const target = sum(mul(scores, oneHot(labels, numClasses)), -1, true);
  const higher = sum(cast(greater(scores, target), 'float32'), -1);
  return cast(lessEqual(higher, k - 1), 'float32');
}

/**
 * 1 where the one-hot label's class is among the k top predictions.
 *
 * @example
 * ```ts
 * metrics.topKCategoricalAccuracy(tensor([[0, 0, 1], [0, 1, 0]]), tensor([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]), 2);
 * // [1, 1]
 * ```
 */
export function topKCategoricalAccuracy(yTrue: Tensor, yPred: Tensor, k = 5): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels(
      'topKCategoricalAccuracy',
      yTrue,
      yPred,
      '; for integer class labels use sparseTopKCategoricalAccuracy',
    );
    return inTopK(p, argMax(t, -1), k);
  });
}

/**
 * 1 where the integer label is among the k top predictions.
 *
 * @example
 * ```ts
 * metrics.sparseTopKCategoricalAccuracy(tensor([2, 1]), tensor([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]), 2); // [1, 1]
 * ```
 */
export function sparseTopKCategoricalAccuracy(yTrue: Tensor, yPred: Tensor, k = 5): Tensor {
  return tidy(() => inTopK(yPred, classLabels('sparseTopKCategoricalAccuracy', yTrue, yPred), k));
}

/**
 * How often predictions equal labels exactly.
 *
 * @example
 * ```ts
 * const m = new metrics.Accuracy();
 * m.updateState(tensor([[1], [2], [3], [4]]), tensor([[0], [2], [3], [4]]));
 * m.result(); // 0.75
 * ```
 */
export class Accuracy extends MeanMetricWrapper {
  static override className = 'Accuracy';
  constructor(args: MetricArgs = {}) {
    super(accuracy, args, 'accuracy');
  }
}

/**
 * How often `yPred > threshold` matches binary labels.
 *
 * @example
 * ```ts
 * const m = new metrics.BinaryAccuracy({ threshold: 0.5 });
 * m.updateState(tensor([[1], [1], [0], [0]]), tensor([[0.98], [1], [0], [0.6]]));
 * m.result(); // 0.75
 * ```
 */
export class BinaryAccuracy extends MeanMetricWrapper {
  static override className = 'BinaryAccuracy';
  /** A prediction above it counts as 1. */
  readonly threshold: number;
  constructor(args: MetricArgs & { threshold?: number } = {}) {
    const threshold = args.threshold ?? 0.5;
    super((t, p) => binaryAccuracy(t, p, threshold), args, 'binary_accuracy');
    this.threshold = threshold;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), threshold: this.threshold };
  }
}

/**
 * How often the top prediction is the one-hot label's class.
 *
 * @example
 * ```ts
 * const m = new metrics.CategoricalAccuracy();
 * m.updateState(tensor([[0, 0, 1], [0, 1, 0]]), tensor([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]));
 * m.result(); // 0.5
 * ```
 */
export class CategoricalAccuracy extends MeanMetricWrapper {
  static override className = 'CategoricalAccuracy';
  constructor(args: MetricArgs = {}) {
    super(categoricalAccuracy, args, 'categorical_accuracy');
  }
}

/**
 * How often the top prediction is the integer label.
 *
 * @example
 * ```ts
 * const m = new metrics.SparseCategoricalAccuracy();
 * m.updateState(tensor([[2], [1]]), tensor([[0.1, 0.6, 0.3], [0.05, 0.95, 0]]));
 * m.result(); // 0.5
 * model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] }); // picks it
 * ```
 */
export class SparseCategoricalAccuracy extends MeanMetricWrapper {
  static override className = 'SparseCategoricalAccuracy';
  constructor(args: MetricArgs = {}) {
    super(sparseCategoricalAccuracy, args, 'sparse_categorical_accuracy');
  }
}

/**
 * How often the one-hot label's class is among the top k predictions (k = 5 by default).
 *
 * @example
 * ```ts
 * const m = new metrics.TopKCategoricalAccuracy({ k: 1 });
 * m.updateState(tensor([[0, 0, 1], [0, 1, 0]]), tensor([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]));
 * m.result(); // 0.5
 * ```
 */
export class TopKCategoricalAccuracy extends MeanMetricWrapper {
  static override className = 'TopKCategoricalAccuracy';
  /** How many of the top predictions may hold the label. */
  readonly k: number;
  constructor(args: MetricArgs & { k?: number } = {}) {
    const k = args.k ?? 5;
    super((t, p) => topKCategoricalAccuracy(t, p, k), args, 'top_k_categorical_accuracy');
    this.k = k;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), k: this.k };
  }
}

/**
 * How often the integer label is among the top k predictions (k = 5 by default).
 *
 * @example
 * ```ts
 * const m = new metrics.SparseTopKCategoricalAccuracy({ k: 1 });
 * m.updateState(tensor([2, 1]), tensor([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]));
 * m.result(); // 0.5
 * ```
 */
export class SparseTopKCategoricalAccuracy extends MeanMetricWrapper {
  static override className = 'SparseTopKCategoricalAccuracy';
  /** How many of the top predictions may hold the label. */
  readonly k: number;
  constructor(args: MetricArgs & { k?: number } = {}) {
    const k = args.k ?? 5;
    super((t, p) => sparseTopKCategoricalAccuracy(t, p, k), args, 'sparse_top_k_categorical_accuracy');
    this.k = k;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), k: this.k };
  }
}
