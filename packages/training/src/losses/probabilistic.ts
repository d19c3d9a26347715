import {
  abs,
  add,
  cast,
  clipByValue,
  div,
  equal,
  exp,
  log,
  log1p,
  logSoftmax,
  mean,
  mul,
  neg,
  notEqual,
  oneHot,
  relu,
  squeeze,
  sub,
  sum,
  tidy,
  where,
  type Tensor,
} from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { TrainingError } from '../errors';
import { LossFunctionWrapper, alignLabels, type LossArgs } from './loss';
import { EPSILON } from './regression';
import { expandDims } from '@strata/tensor';

/** The options of the crossentropy losses on probabilities or logits. */
export interface CrossentropyOptions {
  /** Predictions are logits (unnormalised), not probabilities: the stable formulas are used. */
  fromLogits?: boolean;
  /** Moves labels towards uniform by this fraction (0 = none). */
  labelSmoothing?: number;
}

const ONE_HOT_HINT =
  '; for integer class labels use sparseCategoricalCrossentropy, or turn them into one-hot vectors with oneHot(labels, numClasses)';

/**
 * Element-wise binary crossentropy averaged over the last axis; stable for extreme logits.
 *
 * @example
 * ```ts
 * binaryCrossentropy(tensor([[0, 1]]), tensor([[0.4, 0.6]])); // [0.511]
 * ```
 */
export function binaryCrossentropy(yTrue: Tensor, yPred: Tensor, options: CrossentropyOptions = {}): Tensor {
  return tidy(() => {
    let [t, p] = alignLabels('binaryCrossentropy', yTrue, yPred);
    const ls = options.labelSmoothing ?? 0;
    if (ls) t = add(mul(t, 1 - ls), 0.5 * ls);
    if (options.fromLogits) {
      // max(x, 0) - x·z + log(1 + exp(-|x|)): never exponentiates a large positive number.
      return mean(add(sub(relu(p), mul(p, t)), log1p(exp(neg(abs(p))))), -1);
    }
    const q = clipByValue(p, EPSILON, 1 - EPSILON);
    return mean(neg(add(mul(t, log(q)), mul(sub(1, t), log(sub(1, q))))), -1);
  });
}

/**
 * Crossentropy between one-hot (or soft) labels and class probabilities or logits along the last axis.
 *
 * @example
 * ```ts
 * categoricalCrossentropy(tensor([[0, 1, 0]]), tensor([[0.05, 0.95, 0]])); // [0.051]
 * ```
 */
export function categoricalCrossentropy(yTrue: Tensor, yPred: Tensor, options: CrossentropyOptions = {}): Tensor {
  return tidy(() => {
    let [t, p] = alignLabels('categoricalCrossentropy', yTrue, yPred, ONE_HOT_HINT);
    const ls = options.labelSmoothing ?? 0;
    if (ls) t = add(mul(t, 1 - ls), ls / p.shape[p.rank - 1]);
    if (options.fromLogits) return neg(sum(mul(t, logSoftmax(p, -1)), -1));
    const normalised = clipByValue(div(p, sum(p, -1, true)), EPSILON, 1 - EPSILON);
    return neg(sum(mul(t, log(normalised)), -1));
  });
}

/** The options of the sparse (integer label) crossentropy. */
export interface SparseCrossentropyOptions {
  /** Predictions are logits (unnormalised), not probabilities: the stable formula is used. Default: false. */
  fromLogits?: boolean;
  /** A label value whose samples contribute no loss (padding, for example). */
  ignoreClass?: number | null;
}

/**
 * Checks and prepares integer class labels for predictions of shape [..., numClasses].
 *
 * @example
 * ```ts
 * sparseLabels('MyLoss', tensor([[1], [2]]), probabilities); // int32 labels [1, 2], checked against the classes
 * ```
 */
export function sparseLabels(owner: string, yTrue: Tensor, yPred: Tensor): Tensor {
  const want = yPred.shape.slice(0, -1);
  let t = yTrue;
  if (t.rank === yPred.rank && t.shape[t.rank - 1] === 1) t = squeeze(t, -1);
  const fits = t.rank === want.length && t.shape.every((d, i) => d === want[i]);
  if (!fits) {
    const oneHot = yTrue.rank === yPred.rank && yTrue.shape.every((d, i) => d === yPred.shape[i]);
    throw new TrainingError(
      `${owner}: expected integer class labels of shape ${fmtShape(want)} (or ${fmtShape([...want, 1])}) for predictions of shape ${fmtShape(yPred.shape)}, ` +
        `received labels of shape ${fmtShape(yTrue.shape)}` +
        (oneHot ? '; these look like one-hot labels: use categoricalCrossentropy for them' : ''),
    );
  }
  if (yTrue.dtype === 'bool')
    throw new TrainingError(
      `${owner}: labels must be class indices (int32, or float32 holding integers), received bool ${fmtShape(yTrue.shape)}`,
    );
  return t.dtype === 'int32' ? t : cast(t, 'int32');
}

/**
 * Crossentropy between integer class labels and class probabilities or logits along the last axis.
 *
 * @example
 * ```ts
 * sparseCategoricalCrossentropy(tensor([1]), tensor([[0.05, 0.95, 0]])); // [0.051]
 * ```
 */
export function sparseCategoricalCrossentropy(
  yTrue: Tensor,
  yPred: Tensor,
  options: SparseCrossentropyOptions = {},
): Tensor {
  return tidy(() => {
    if (yPred.dtype !== 'float32')
      throw new TrainingError(`sparseCategoricalCrossentropy: predictions must be float32, received ${yPred.dtype}`);
    const labels = sparseLabels('sparseCategoricalCrossentropy', yTrue, yPred);
    const numClasses = yPred.shape[yPred.rank - 1];
    const target = oneHot(labels, numClasses);
    const logProbs = options.fromLogits
      ? logSoftmax(yPred, -1)
      : log(clipByValue(div(yPred, sum(yPred, -1, true)), EPSILON, 1 - EPSILON));
    const losses = neg(sum(mul(target, logProbs), -1));
    if (options.ignoreClass === undefined || options.ignoreClass === null) return losses;
    return where(notEqual(labels, options.ignoreClass), losses, 0);
  });
}

/**
 * sum(yTrue · log(yTrue / yPred)) over the last axis, both clipped to [ε, 1].
 *
 * @example
 * ```ts
 * kullbackLeiblerDivergence(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // [0.916, 0]
 * ```
 */
export function kullbackLeiblerDivergence(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('kullbackLeiblerDivergence', yTrue, yPred);
    const tc = clipByValue(t, EPSILON, 1);
    return sum(mul(tc, log(div(tc, clipByValue(p, EPSILON, 1)))), -1);
  });
}

/**
 * mean(yPred - yTrue · log(yPred + ε)) over the last axis: the Poisson negative log-likelihood up to a constant.
 *
 * @example
 * ```ts
 * poisson(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [0, 0]])); // [1, 0]
 * ```
 */
export function poisson(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const [t, p] = alignLabels('poisson', yTrue, yPred);
    return mean(sub(p, mul(t, log(add(p, EPSILON)))), -1);
  });
}

/**
 * Loss class: binary crossentropy, with `fromLogits` and `labelSmoothing`.
 *
 * For binary (0/1) labels, one per element: `−(y log p + (1 − y) log(1 − p))`, averaged over the last axis. Labels and
 * predictions share their shape; predictions are probabilities, or logits with `fromLogits`.
 *
 * @example
 * ```ts
 * const loss = new BinaryCrossentropy({ fromLogits: true });
 * loss.apply(tensor([0, 1, 0, 0]), tensor([-18.6, 0.51, 2.94, -12.8])); // 0.865
 * ```
 */
export class BinaryCrossentropy extends LossFunctionWrapper {
  static override className = 'BinaryCrossentropy';
  /** Whether predictions are logits. */
  readonly fromLogits: boolean;
  /** The fraction labels are moved towards 0.5. */
  readonly labelSmoothing: number;
  constructor(args: LossArgs & CrossentropyOptions = {}) {
    const options = { fromLogits: args.fromLogits ?? false, labelSmoothing: args.labelSmoothing ?? 0 };
    super((t, p) => binaryCrossentropy(t, p, options), args, 'binary_crossentropy');
    this.fromLogits = options.fromLogits;
    this.labelSmoothing = options.labelSmoothing;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing };
  }
}

/**
 * Loss class: categorical crossentropy over one-hot labels, with `fromLogits` and `labelSmoothing`.
 *
 * Labels: one-hot (or soft) [batch, ..., classes]; predictions: probabilities (or logits) of the same shape. Per
 * sample: `−sum(y log p)` over the last axis.
 *
 * @example
 * ```ts
 * const yTrue = tensor([[0, 1, 0], [0, 0, 1]]);
 * const yPred = tensor([[0.05, 0.95, 0], [0.1, 0.8, 0.1]]);
 * new CategoricalCrossentropy().apply(yTrue, yPred); // 1.177
 * ```
 */
export class CategoricalCrossentropy extends LossFunctionWrapper {
  static override className = 'CategoricalCrossentropy';
  /** Whether predictions are logits. */
  readonly fromLogits: boolean;
  /** The fraction labels are moved towards uniform. */
  readonly labelSmoothing: number;
  constructor(args: LossArgs & CrossentropyOptions = {}) {
    const options = { fromLogits: args.fromLogits ?? false, labelSmoothing: args.labelSmoothing ?? 0 };
    super((t, p) => categoricalCrossentropy(t, p, options), args, 'categorical_crossentropy');
    this.fromLogits = options.fromLogits;
    this.labelSmoothing = options.labelSmoothing;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing };
  }
}

/**
 * Loss class: categorical crossentropy over integer labels, with `fromLogits` and `ignoreClass`.
 *
 * Labels: integer class indices [batch, ...] (or [batch, ..., 1]); predictions: [batch, ..., classes]. The loss for
 * MNIST-style labels, with no one-hot encoding.
 *
 * @example
 * ```ts
 * const yPred = tensor([[0.05, 0.95, 0], [0.1, 0.8, 0.1]]);
 * new SparseCategoricalCrossentropy().apply(tensor([1, 2]), yPred); // 1.177
 * model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
 * ```
 */
export class SparseCategoricalCrossentropy extends LossFunctionWrapper {
  static override className = 'SparseCategoricalCrossentropy';
  /** Whether predictions are logits. */
  readonly fromLogits: boolean;
  /** The label whose samples contribute no loss, or null. */
  readonly ignoreClass: number | null;
  constructor(args: LossArgs & SparseCrossentropyOptions = {}) {
    const options = { fromLogits: args.fromLogits ?? false, ignoreClass: args.ignoreClass ?? null };
    super((t, p) => sparseCategoricalCrossentropy(t, p, options), args, 'sparse_categorical_crossentropy');
    this.fromLogits = options.fromLogits;
    this.ignoreClass = options.ignoreClass;
  }
  /**
   * With `ignoreClass`, the ignored samples are masked as Keras masks them: they weigh 0, and the
   * mean reductions ('sum_over_batch_size', 'mean') average over the other samples only.
   */
  override apply(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | null): Tensor {
    if (this.ignoreClass === null) return super.apply(yTrue, yPred, sampleWeight);
    const owner = SparseCategoricalCrossentropy.className;
    return tidy(() => {
      const valid = cast(notEqual(sparseLabels(owner, yTrue, yPred), this.ignoreClass!), 'float32');
      const averaged = this.reduction === 'sum_over_batch_size' || this.reduction === 'mean';
      const mask = averaged ? mul(valid, divNoNanScalar(valid.size, sum(valid))) : valid;
      const weight = sampleWeight ? mul(mask, reshapeWeight(sampleWeight, mask)) : mask;
      return super.apply(yTrue, yPred, weight);
    });
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), fromLogits: this.fromLogits, ignoreClass: this.ignoreClass };
  }
}

/** n / d, 0 where d is 0 (every sample ignored). */
function divNoNanScalar(n: number, d: Tensor): Tensor {
  return where(equal(d, 0), 0, div(n, d));
}

/** A sample weight brought to the mask's rank (a trailing axis of 1 dropped, or axes added). */
function reshapeWeight(w: Tensor, mask: Tensor): Tensor {
  let v = w.dtype === 'float32' ? w : cast(w, 'float32');
  if (v.rank === mask.rank + 1 && v.shape[v.rank - 1] === 1) v = squeeze(v, -1);
  while (v.rank < mask.rank) v = expandDims(v, -1);
  return v;
}

/**
 * Loss class: Kullback-Leibler divergence.
 *
 * `sum(yTrue · log(yTrue / yPred))` over the last axis, for two distributions.
 *
 * @example
 * ```ts
 * new KLDivergence().apply(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // 0.458
 * ```
 */
export class KLDivergence extends LossFunctionWrapper {
  static override className = 'KLDivergence';
  constructor(args: LossArgs = {}) {
    super(kullbackLeiblerDivergence, args, 'kl_divergence');
  }
}

/**
 * Loss class: Poisson.
 *
 * `mean(yPred − yTrue · log(yPred + ε))` over the last axis, for count targets.
 *
 * @example
 * ```ts
 * new Poisson().apply(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [0, 0]])); // 0.5
 * ```
 */
export class Poisson extends LossFunctionWrapper {
  static override className = 'Poisson';
  constructor(args: LossArgs = {}) {
    super(poisson, args, 'poisson');
  }
}
