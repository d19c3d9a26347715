import { sqrt, square, sub, tidy, type Tensor } from '@strata/tensor';
import { alignLabels, meanAbsoluteError, meanSquaredError } from '../losses';
import { MeanMetricWrapper } from './reduction';
import type { MetricArgs } from './metric';

/** The mean of the squared errors. */
export class MeanSquaredError extends MeanMetricWrapper {
  static override className = 'MeanSquaredError';
  constructor(args: MetricArgs = {}) {
    super(meanSquaredError, args, 'mean_squared_error', 'down');
  }
}

/** The mean of the absolute errors. */
export class MeanAbsoluteError extends MeanMetricWrapper {
  static override className = 'MeanAbsoluteError';
  constructor(args: MetricArgs = {}) {
    super(meanAbsoluteError, args, 'mean_absolute_error', 'down');
  }
}

/** √(mean squared error) over everything seen (not the mean of per-batch roots). */
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
