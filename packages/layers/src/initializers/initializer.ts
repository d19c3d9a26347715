import type { DType, Tensor } from '@strata/tensor';
import type { Configurable } from '../serializable';

/** Makes a weight's initial value. Seeded initializers give the same values on every backend. */
export abstract class Initializer implements Configurable {
  static className: string;
  abstract call(shape: readonly number[], dtype?: DType): Tensor;
  getConfig(): Record<string, unknown> {
    return {};
  }
}
