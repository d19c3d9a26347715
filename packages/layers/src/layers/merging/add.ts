import { add, type Tensor } from '@strata/tensor';
import { Merge } from './merge';

/** The elementwise sum of a list of inputs (which broadcast per example), as Keras's Add. */
export class Add extends Merge {
  static override className = 'Add';

  protected mergeFunction(inputs: Tensor[]): Tensor {
    return inputs.slice(1).reduce((acc, x) => add(acc, x), inputs[0]);
  }
}
