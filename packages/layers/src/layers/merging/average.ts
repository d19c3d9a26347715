import { add, div, type Tensor } from '@strata/tensor';
import { Merge } from './merge';

/**
 * The elementwise mean of a list of inputs (which broadcast per example), as Keras's Average.
 *
 * Input: a list of tensors that broadcast per example. Output: their broadcast shape.
 *
 * @example
 * ```ts
 * const y = new Average().apply([tensor([[1, 2]]), tensor([[3, 4]])]); // [[2, 3]]
 * ```
 */
export class Average extends Merge {
  static override className = 'Average';

  protected mergeFunction(inputs: Tensor[]): Tensor {
    return div(
      inputs.slice(1).reduce((acc, x) => add(acc, x), inputs[0]),
      inputs.length,
    );
  }
}
