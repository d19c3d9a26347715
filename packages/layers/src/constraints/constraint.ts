import type { Tensor } from '@strata/tensor';
import type { Configurable } from '../serializable';

/** A projection applied to a weight after each optimizer update (e.g. max-norm). */
export abstract class Constraint implements Configurable {
  static className: string;
  abstract call(w: Tensor): Tensor;
  getConfig(): Record<string, unknown> {
    return {};
  }
}
