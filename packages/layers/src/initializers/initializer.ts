import type { DType, Tensor } from '@strata/tensor';
import type { Configurable } from '../serializable';

/**
 * Makes a weight's initial value. Seeded initializers give the same values on every backend.
 *
 * @example
 * ```ts
 * const dense = new Dense({ units: 8, kernelInitializer: new HeNormal({ seed: 1 }), biasInitializer: 'zeros' });
 * new GlorotUniform({ seed: 7 }).call([3, 4]); // a [3, 4] tensor, the same on every backend
 * ```
 */
export abstract class Initializer implements Configurable {
  /** The Keras class name, saved in configs; each subclass sets its own. */
  static className: string;
  /** A new tensor of `shape` and `dtype` (default float32) holding the initial values. */
  abstract call(shape: readonly number[], dtype?: DType): Tensor;
  /** The constructor options that rebuild this initializer. */
  getConfig(): Record<string, unknown> {
    return {};
  }
}
