import {
  abs,
  add,
  div,
  log1p,
  maximum,
  mean,
  mul,
  neg,
  softplus,
  sqrt,
  square,
  sub,
  sum,
  tidy,
  where,
  lessEqual,
  type Tensor,
} from '@strata/tensor';
import { LossFunctionWrapper, alignLabels, type LossArgs } from './loss';

/** Keras's backend epsilon, the floor that keeps logs and divisions finite. */
export const EPSILON = 1e-7;

/**
 * mean((yPred - yTrue)²) over the last axis.
 *
 * @example
 * ```ts
 * meanSquaredError(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [1, 0]])); // [0.5, 0.5]
 * ```
 */
export function meanSquaredError(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('meanSquaredError', yTrue, yPred);
    return mean(square(sub(p, t)), -1);
  });
}

/**
 * mean(|yPred - yTrue|) over the last axis.
 *
 * @example
 * ```ts
 * meanAbsoluteError(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [1, 0]])); // [0.5, 0.5]
 * ```
 */
export function meanAbsoluteError(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('meanAbsoluteError', yTrue, yPred);
    return mean(abs(sub(p, t)), -1);
  });
}

/**
 * 100 · mean(|yTrue - yPred| / max(|yTrue|, ε)) over the last axis.
 *
 * @example
 * ```ts
 * meanAbsolutePercentageError(tensor([[2, 1], [2, 3]]), tensor([[1, 1], [1, 0]])); // [25, 75]
 * ```
 */
export function meanAbsolutePercentageError(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('meanAbsolutePercentageError', yTrue, yPred);
    return mul(mean(abs(div(sub(t, p), maximum(abs(t), EPSILON))), -1), 100);
  });
}

/**
 * mean((log(max(yPred, ε) + 1) - log(max(yTrue, ε) + 1))²) over the last axis.
 *
 * @example
 * ```ts
 * meanSquaredLogarithmicError(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [1, 0]])); // [0.240, 0.240]
 * ```
 */
export function meanSquaredLogarithmicError(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('meanSquaredLogarithmicError', yTrue, yPred);
    return mean(square(sub(log1p(maximum(p, EPSILON)), log1p(maximum(t, EPSILON)))), -1);
  });
}

/**
 * Quadratic for |error| <= delta, linear beyond (Huber loss), averaged over the last axis.
 *
 * @example
 * ```ts
 * huber(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // [0.18, 0.13]
 * ```
 */
export function huber(yTrue: Tensor, yPred: Tensor, delta = 1): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('huber', yTrue, yPred);
    const error = sub(p, t);
    const absError = abs(error);
    return mean(
      where(lessEqual(absError, delta), mul(square(error), 0.5), sub(mul(absError, delta), 0.5 * delta * delta)),
      -1,
    );
  });
}

/**
 * mean(log(cosh(yPred - yTrue))) over the last axis, computed as x + softplus(-2x) - log 2 (no overflow).
 *
 * @example
 * ```ts
 * logCosh(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [0, 0]])); // [0.217, 0]
 * ```
 */
export function logCosh(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('logCosh', yTrue, yPred);
    const x = sub(p, t);
    return mean(sub(add(x, softplus(mul(x, -2))), Math.LN2), -1);
  });
}

/**
 * x / ‖x‖ along `axis` (‖x‖ floored at 1e-6 so a zero vector stays zero).
 *
 * @example
 * ```ts
 * l2Normalize(tensor([3, 4])); // [0.6, 0.8]
 * ```
 */
export function l2Normalize(x: Tensor, axis = -1): Tensor {
  return tidy(() => div(x, sqrt(maximum(sum(square(x), axis, true), 1e-12))));
}

/**
 * -cos(yTrue, yPred) along `axis`: -1 for vectors pointing the same way (so minimising aligns them).
 *
 * @example
 * ```ts
 * cosineSimilarity(tensor([[0, 1], [1, 1]]), tensor([[1, 0], [1, 1]]), 1); // [0, -1]
 * ```
 */
export function cosineSimilarity(yTrue: Tensor, yPred: Tensor, axis = -1): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('cosineSimilarity', yTrue, yPred);
    return neg(sum(mul(l2Normalize(t, axis), l2Normalize(p, axis)), axis));
  });
}

/**
 * Loss class: mean squared error.
 *
 * Labels and predictions: [batch, ...], the same shape. Per sample: the mean over the last axis.
 *
 * @example
 * ```ts
 * const loss = new MeanSquaredError();
 * loss.apply(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [1, 0]])); // 0.5
 * model.compile({ optimizer: 'adam', loss: 'mse' }); // the same loss, by name
 * ```
 */
export class MeanSquaredError extends LossFunctionWrapper {
  static override className = 'MeanSquaredError';
  constructor(args: LossArgs = {}) {
    super(meanSquaredError, args, 'mean_squared_error');
  }
}

/**
 * Loss class: mean absolute error.
 *
 * Labels and predictions: [batch, ...], the same shape. Per sample: the mean over the last axis.
 *
 * @example
 * ```ts
 * new MeanAbsoluteError().apply(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [1, 0]])); // 0.5
 * ```
 */
export class MeanAbsoluteError extends LossFunctionWrapper {
  static override className = 'MeanAbsoluteError';
  constructor(args: LossArgs = {}) {
    super(meanAbsoluteError, args, 'mean_absolute_error');
  }
}

/**
 * Loss class: mean absolute percentage error.
 *
 * `100 · mean(|yTrue − yPred| / max(|yTrue|, ε))` over the last axis.
 *
 * @example
 * ```ts
 * new MeanAbsolutePercentageError().apply(tensor([[2, 1], [2, 3]]), tensor([[1, 1], [1, 0]])); // 50
 * ```
 */
export class MeanAbsolutePercentageError extends LossFunctionWrapper {
  static override className = 'MeanAbsolutePercentageError';
  constructor(args: LossArgs = {}) {
    super(meanAbsolutePercentageError, args, 'mean_absolute_percentage_error');
  }
}

/**
 * Loss class: mean squared logarithmic error.
 *
 * `mean((log(yPred + 1) − log(yTrue + 1))²)` over the last axis: relative errors, for positive targets.
 *
 * @example
 * ```ts
 * new MeanSquaredLogarithmicError().apply(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [1, 0]])); // 0.240
 * ```
 */
export class MeanSquaredLogarithmicError extends LossFunctionWrapper {
  static override className = 'MeanSquaredLogarithmicError';
  constructor(args: LossArgs = {}) {
    super(meanSquaredLogarithmicError, args, 'mean_squared_logarithmic_error');
  }
}

/**
 * Loss class: Huber loss with threshold `delta` (default 1).
 *
 * Per element: `0.5 x²` where |x| ≤ delta, `delta · (|x| − 0.5 delta)` beyond (x = yPred − yTrue); averaged over the
 * last axis. Less sensitive to outliers than the squared error.
 *
 * @example
 * ```ts
 * new Huber({ delta: 1 }).apply(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // 0.155
 * ```
 */
export class Huber extends LossFunctionWrapper {
  static override className = 'Huber';
  /** Where the loss turns from quadratic to linear. */
  readonly delta: number;
  constructor(args: LossArgs & { delta?: number } = {}) {
    const delta = args.delta ?? 1;
    super((t, p) => huber(t, p, delta), args, 'huber_loss');
    this.delta = delta;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), delta: this.delta };
  }
}

/**
 * Loss class: log-cosh.
 *
 * `log(cosh(yPred − yTrue))` averaged over the last axis: about x²/2 for small errors and |x| − log 2 for large ones.
 *
 * @example
 * ```ts
 * new LogCosh().apply(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [0, 0]])); // 0.108
 * ```
 */
export class LogCosh extends LossFunctionWrapper {
  static override className = 'LogCosh';
  constructor(args: LossArgs = {}) {
    super(logCosh, args, 'log_cosh');
  }
}

/**
 * Loss class: negative cosine similarity along `axis`.
 *
 * `−sum(l2Normalize(yTrue) · l2Normalize(yPred))` along `axis`: −1 where the vectors point the same way, 0 where
 * orthogonal.
 *
 * @example
 * ```ts
 * new CosineSimilarity({ axis: 1 }).apply(tensor([[0, 1], [1, 1]]), tensor([[1, 0], [1, 1]])); // -0.5
 * ```
 */
export class CosineSimilarity extends LossFunctionWrapper {
  static override className = 'CosineSimilarity';
  /** The axis the similarity is computed along. */
  readonly axis: number;
  constructor(args: LossArgs & { axis?: number } = {}) {
    const axis = args.axis ?? -1;
    super((t, p) => cosineSimilarity(t, p, axis), args, 'cosine_similarity');
    this.axis = axis;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }
}
