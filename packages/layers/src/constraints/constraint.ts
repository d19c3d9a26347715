import type { Tensor } from '@strata/tensor';
import type { Configurable } from '../serializable';

/**
 * A projection applied to a weight after each optimizer update (e.g. max-norm).
 *
 * @example
 * ```ts
 * const dense = new Dense({ units: 8, kernelConstraint: new MaxNorm({ maxValue: 3 }) });
 * ```
 */
export abstract class Constraint implements Configurable {
  /** The Keras class name, saved in configs; each subclass sets its own. */
  static className: string;
  /** The projected weight: returns a new tensor with the constraint applied to `w`. */
  abstract call(w: Tensor): Tensor;
  /** The constructor options that rebuild this constraint. */
  getConfig(): Record<string, unknown> {
    return {};
  }
}
