import { add, div, type Tensor } from '@strata/tensor';
import { Merge } from './merge';

/** The elementwise mean of a list of inputs (which broadcast per example), as Keras's Average. */
export class Average extends Merge {
  static override className = 'Average';

  protected mergeFunction(inputs: Tensor[]): Tensor {
    return div(
      inputs.slice(1).reduce((acc, x) => add(acc, x), inputs[0]),
      inputs.length,
    );
  }
}
