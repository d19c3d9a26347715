import type { Tensor } from '@strata/tensor';
import type { Configurable } from '../serializable';

/**
 * A penalty on a weight (or a layer's output) added to the training loss.
 *
 * @example
 * ```ts
 * const dense = new Dense({ units: 8, kernelRegularizer: new L2({ l2: 1e-4 }) });
 * // after a call, dense.losses holds 1e-4 · sum(kernel²); fit adds it to the loss
 * ```
 */
export abstract class Regularizer implements Configurable {
  /** The Keras class name, saved in configs; each subclass sets its own. */
  static className: string;
  /** The penalty, a scalar. Frees its intermediates (it is called outside tidy, e.g. by `layer.losses`). */
  abstract call(x: Tensor): Tensor;
  /** The constructor options that rebuild this regularizer. */
  getConfig(): Record<string, unknown> {
    return {};
  }
}
