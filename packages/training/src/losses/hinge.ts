import {
  add,
  all,
  equal,
  logicalOr,
  max,
  maximum,
  mean,
  mul,
  square,
  sub,
  sum,
  tidy,
  where,
  type Tensor,
} from '@strata/tensor';
import { LossFunctionWrapper, alignLabels, type LossArgs } from './loss';

/** Labels in {0, 1} become {-1, 1}; labels already in {-1, 1} are kept (Keras's convert_binary_labels_to_hinge). */
function hingeLabels(t: Tensor): Tensor {
  const isBinary = all(logicalOr(equal(t, 0), equal(t, 1)));
  return where(isBinary, sub(mul(t, 2), 1), t);
}

/**
 * mean(max(1 - yTrue·yPred, 0)) over the last axis; labels in {-1, 1} or {0, 1}.
 *
 * @example
 * ```ts
 * hinge(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // [1.1, 1.5]
 * ```
 */
export function hinge(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('hinge', yTrue, yPred);
    return mean(maximum(sub(1, mul(hingeLabels(t), p)), 0), -1);
  });
}

/**
 * mean(max(1 - yTrue·yPred, 0)²) over the last axis; labels in {-1, 1} or {0, 1}.
 *
 * @example
 * ```ts
 * squaredHinge(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // [1.46, 2.26]
 * ```
 */
export function squaredHinge(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('squaredHinge', yTrue, yPred);
    return mean(square(maximum(sub(1, mul(hingeLabels(t), p)), 0)), -1);
  });
}

/**
 * max(max((1 - yTrue)·yPred) - sum(yTrue·yPred) + 1, 0): the margin of the true class over the best other, for one-hot
 * labels.
 *
 * @example
 * ```ts
 * categoricalHinge(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // [1.2, 1.6]
 * ```
 */
export function categoricalHinge(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('categoricalHinge', yTrue, yPred);
    const positive = sum(mul(t, p), -1);
    const negative = max(mul(sub(1, t), p), -1);
    return maximum(add(sub(negative, positive), 1), 0);
  });
}

/**
 * Loss class: hinge.
 *
 * `mean(max(1 − yTrue · yPred, 0))` over the last axis, for labels in {−1, 1} (0/1 labels are mapped to −1/1).
 *
 * @example
 * ```ts
 * new Hinge().apply(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // 1.3
 * ```
 */
export class Hinge extends LossFunctionWrapper {
  static override className = 'Hinge';
  constructor(args: LossArgs = {}) {
    super(hinge, args, 'hinge');
  }
}

/**
 * Loss class: squared hinge.
 *
 * `mean(max(1 − yTrue · yPred, 0)²)` over the last axis, for labels in {−1, 1} (or 0/1).
 *
 * @example
 * ```ts
 * new SquaredHinge().apply(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // 1.86
 * ```
 */
export class SquaredHinge extends LossFunctionWrapper {
  static override className = 'SquaredHinge';
  constructor(args: LossArgs = {}) {
    super(squaredHinge, args, 'squared_hinge');
  }
}

/**
 * Loss class: categorical hinge.
 *
 * `max(max((1 − yTrue) · yPred) − sum(yTrue · yPred) + 1, 0)` per sample, for one-hot labels.
 *
 * @example
 * ```ts
 * new CategoricalHinge().apply(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // 1.4
 * ```
 */
export class CategoricalHinge extends LossFunctionWrapper {
  static override className = 'CategoricalHinge';
  constructor(args: LossArgs = {}) {
    super(categoricalHinge, args, 'categorical_hinge');
  }
}
