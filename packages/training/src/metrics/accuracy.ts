import { type Tensor, argMax, cast, equal, greater, lessEqual, mul, oneHot, squeeze, sum, tidy } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { TrainingError } from '../errors';
import { alignLabels } from '../losses/loss';
import { MeanMetricWrapper } from './reduction';
import type { MetricArgs } from './metric';

/** 1 where yTrue equals yPred exactly, else 0 (for labels and predictions already on one scale). */
export function accuracy(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('accuracy', yTrue, yPred);
    return cast(equal(t, p), 'float32');
  });
}

/** 1 where `yPred > threshold` agrees with the binary label, per element. */
export function binaryAccuracy(yTrue: Tensor, yPred: Tensor, threshold = 0.5): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('binaryAccuracy', yTrue, yPred);
    return cast(equal(t, cast(greater(p, threshold), 'float32')), 'float32');
  });
}

/** 1 where the largest prediction is at the one-hot label's class, per sample. */
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

/** 1 where the largest prediction is at the integer label, per sample. */
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

/** 1 where the one-hot label's class is among the k top predictions. */
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

/** 1 where the integer label is among the k top predictions. */
export function sparseTopKCategoricalAccuracy(yTrue: Tensor, yPred: Tensor, k = 5): Tensor {
  return tidy(() => inTopK(yPred, classLabels('sparseTopKCategoricalAccuracy', yTrue, yPred), k));
}

/** How often predictions equal labels exactly. */
export class Accuracy extends MeanMetricWrapper {
  static override className = 'Accuracy';
  constructor(args: MetricArgs = {}) {
    super(accuracy, args, 'accuracy');
  }
}

/** How often `yPred > threshold` matches binary labels. */
export class BinaryAccuracy extends MeanMetricWrapper {
  static override className = 'BinaryAccuracy';
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

/** How often the top prediction is the one-hot label's class. */
export class CategoricalAccuracy extends MeanMetricWrapper {
  static override className = 'CategoricalAccuracy';
  constructor(args: MetricArgs = {}) {
    super(categoricalAccuracy, args, 'categorical_accuracy');
  }
}

/** How often the top prediction is the integer label. */
export class SparseCategoricalAccuracy extends MeanMetricWrapper {
  static override className = 'SparseCategoricalAccuracy';
  constructor(args: MetricArgs = {}) {
    super(sparseCategoricalAccuracy, args, 'sparse_categorical_accuracy');
  }
}

/** How often the one-hot label's class is among the top k predictions (k = 5 by default). */
export class TopKCategoricalAccuracy extends MeanMetricWrapper {
  static override className = 'TopKCategoricalAccuracy';
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

/** How often the integer label is among the top k predictions (k = 5 by default). */
export class SparseTopKCategoricalAccuracy extends MeanMetricWrapper {
  static override className = 'SparseTopKCategoricalAccuracy';
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
