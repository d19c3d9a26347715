import { minimum, type Tensor } from '@strata/tensor';
import { Merge } from './merge';

/** The elementwise minimum of a list of inputs (which broadcast per example), as Keras's Minimum. */
export class Minimum extends Merge {
  static override className = 'Minimum';

  protected mergeFunction(inputs: Tensor[]): Tensor {
    return inputs.slice(1).reduce((acc, x) => minimum(acc, x), inputs[0]);
  }
}
