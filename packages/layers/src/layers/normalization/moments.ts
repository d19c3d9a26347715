import { mean, squaredDifference, squeeze, type Tensor } from '@strata/tensor';

/**
 * Mean and biased variance over `axes` (Keras's ops.moments). Two passes, as TensorFlow's
 * moments: E[(x - mean)^2] stays accurate where E[x^2] - mean^2 loses digits to cancellation.
 */
export function moments(x: Tensor, axes: readonly number[], keepDims: boolean): [Tensor, Tensor] {
  const mu = mean(x, axes, true);
  const variance = mean(squaredDifference(x, mu), axes, keepDims);
  return [keepDims || axes.length === 0 ? mu : squeeze(mu, axes), variance];
}
