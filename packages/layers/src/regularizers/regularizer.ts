import type { Tensor } from '@strata/tensor';
import type { Configurable } from '../serializable';

/** A penalty on a weight (or a layer's output) added to the training loss. */
export abstract class Regularizer implements Configurable {
  static className: string;
  /** The penalty, a scalar. Frees its intermediates (it is called outside tidy, e.g. by `layer.losses`). */
  abstract call(x: Tensor): Tensor;
  getConfig(): Record<string, unknown> {
    return {};
  }
}
