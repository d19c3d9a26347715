import { type Tensor, cast, mean, mul, onesLike, scalar, sum, expandDims, squeeze, tidy } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Metric, divNoNan, type MetricArgs } from './metric';
import { TrainingError } from '../errors';

/**
 * Reduces values to one per sample and weights them (Keras's reduce_to_samplewise_values): returns
 * the weighted values and their total weight (null when unweighted: count the samples).
 *
 * @example
 * ```ts
 * metrics.samplewise('mean', tensor([[1, 3], [5, 7]]), tensor([1, 0])); // values [2, 0], weight 1
 * ```
 */
export function samplewise(
  owner: string,
  values: Tensor,
  sampleWeight: Tensor | null | undefined,
): {
  /** One value per sample, multiplied by its weight. */
  values: Tensor;
  /** The total weight, or null when unweighted (count the samples). */
  weight: Tensor | null;
} {
  let v = values.dtype === 'float32' ? values : cast(values, 'float32');
  if (!sampleWeight) {
    if (v.rank > 1)
      v = mean(
        v,
        [...Array(v.rank - 1).keys()].map((i) => i + 1),
      );
    return { values: v, weight: null };
  }
  let w = sampleWeight.dtype === 'float32' ? sampleWeight : cast(sampleWeight, 'float32');
  if (w.rank === v.rank + 1 && w.shape[w.rank - 1] === 1) w = squeeze(w, -1);
  if (v.rank === w.rank + 1 && v.shape[v.rank - 1] === 1) v = squeeze(v, -1);
  if (w.rank > v.rank || w.shape.some((d, i) => d !== v.shape[i] && d !== 1)) {
    throw new TrainingError(
      `${owner}: sampleWeight of shape ${fmtShape(sampleWeight.shape)} does not fit values of shape ${fmtShape(values.shape)}; pass one weight per sample`,
    );
  }
  if (v.rank > w.rank)
    v = mean(
      v,
      [...Array(v.rank - w.rank).keys()].map((i) => i + w.rank),
    );
  while (w.rank < v.rank) w = expandDims(w, -1);
  return { values: mul(v, w), weight: sum(mul(onesLike(v), w)) };
}

/**
 * The weighted mean of the values it is given (Keras's `Mean`).
 *
 * @example
 * ```ts
 * const m = new metrics.Mean();
 * m.updateState(tensor([1, 3, 5, 7]));
 * m.result(); // 4
 * ```
 */
export class Mean extends Metric {
  static override className = 'Mean';
  constructor(args: MetricArgs = {}) {
    super(args, 'mean');
  }

  /** Adds values (reduced to one per sample) with optional per-sample weights. */
  override updateState(values: Tensor, sampleWeight?: Tensor | null): void {
    tidy(() => {
      const { values: v, weight: w } = samplewise(this.name, values, sampleWeight);
      this.accumulate('total', sum(v));
      this.accumulate('count', w ?? scalar(v.rank === 0 ? 1 : v.shape[0]));
    });
  }

  result(): Tensor {
    return tidy(() => divNoNan(this.state('total'), this.state('count')));
  }
}

/**
 * The weighted sum of the values it is given (Keras's `Sum`).
 *
 * @example
 * ```ts
 * const m = new metrics.Sum();
 * m.updateState(tensor([1, 3, 5, 7]));
 * m.result(); // 16
 * ```
 */
export class Sum extends Metric {
  static override className = 'Sum';
  constructor(args: MetricArgs = {}) {
    super(args, 'sum');
  }

  override updateState(values: Tensor, sampleWeight?: Tensor | null): void {
    tidy(() => {
      const v = sampleWeight ? samplewise(this.name, values, sampleWeight).values : values;
      this.accumulate('total', sum(v.dtype === 'float32' ? v : cast(v, 'float32')));
    });
  }

  result(): Tensor {
    return tidy(() => mul(this.state('total'), 1));
  }
}

/**
 * A Mean over a per-sample function of (yTrue, yPred): how losses and accuracies become metrics.
 *
 * @example
 * ```ts
 * const m = new metrics.MeanMetricWrapper((yTrue, yPred) => abs(sub(yPred, yTrue)), { name: 'abs_error' });
 * ```
 */
export class MeanMetricWrapper extends Metric {
  static override className = 'MeanMetricWrapper';
  readonly #mean: Mean;
  constructor(
    /** The per-sample metric function whose weighted mean this is. */
    readonly fn: (yTrue: Tensor, yPred: Tensor) => Tensor,
    args: MetricArgs = {},
    defaultName = 'mean_metric_wrapper',
    direction: 'up' | 'down' = 'up',
  ) {
    super(args, defaultName);
    (this as { direction: 'up' | 'down' }).direction = direction;
    this.#mean = new Mean({ name: this.name });
  }

  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | null): void {
    tidy(() => this.#mean.updateState(this.fn(yTrue, yPred), sampleWeight));
  }

  result(): Tensor {
    return this.#mean.result();
  }

  override resetState(): void {
    this.#mean.resetState();
  }

  override get variables() {
    return this.#mean.variables;
  }
}
