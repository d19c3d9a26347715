import { randomNormal, type Seed, type Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { LayerError } from '../../errors';

/**
 * Normal noise the shape of `x`. The values are drawn on the host for a concrete shape, so a
 * symbolic input with unknown sizes cannot get noise yet: call the layer in training mode on real tensors.
 */
export function normalNoiseLike(
  layerName: string,
  x: Tensor,
  mean: number,
  stddev: number,
  seed: Seed | undefined,
): Tensor {
  if (x.shape.some((d) => d === null)) {
    throw new LayerError(
      `Layer "${layerName}": noise in training mode needs a known input shape, received ${fmtShape(x.shape)}; this is not supported yet for symbolic inputs with unknown sizes`,
    );
  }
  return randomNormal(x.shape as number[], { mean, stddev, seed, dtype: 'float32' });
}
