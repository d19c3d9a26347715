import { sqrt, square, sub, tidy, type Tensor } from '@strata/tensor';
import { alignLabels, meanAbsoluteError, meanSquaredError } from '../losses';
import { MeanMetricWrapper } from './reduction';
import type { MetricArgs } from './metric';

/**
 * The mean of the squared errors.
 *
 * @example
 * ```ts
 * const m = new metrics.MeanSquaredError();
 * m.updateState(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [0, 0]]));
 * m.result(); // 0.25
 * ```
 */
export class MeanSquaredError extends MeanMetricWrapper {
  static override className = 'MeanSquaredError';
  constructor(args: MetricArgs = {}) {
    super(meanSquaredError, args, 'mean_squared_error', 'down');
  }
}

/**
 * The mean of the absolute errors.
 *
 * @example
 * ```ts
 * const m = new metrics.MeanAbsoluteError();
 * m.updateState(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [0, 0]]));
 * m.result(); // 0.25
 * ```
 */
export class MeanAbsoluteError extends MeanMetricWrapper {
  static override className = 'MeanAbsoluteError';
  constructor(args: MetricArgs = {}) {
    super(meanAbsoluteError, args, 'mean_absolute_error', 'down');
  }
}

/**
 * √(mean squared error) over everything seen (not the mean of per-batch roots).
 *
 * @example
 * ```ts
 * const m = new metrics.RootMeanSquaredError();
 * m.updateState(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [0, 0]]));
 * m.result(); // 0.5
 * ```
 */
export class RootMeanSquaredError extends MeanMetricWrapper {
  static override className = 'RootMeanSquaredError';
  constructor(args: MetricArgs = {}) {
    super(
      (yTrue, yPred) =>
        tidy(() => {
          const [t, p] = alignLabels('RootMeanSquaredError', yTrue, yPred);
          return square(sub(p, t));
        }),
      args,
      'root_mean_squared_error',
      'down',
    );
  }

  override result(): Tensor {
    return tidy(() => sqrt(super.result()));
  }
}
