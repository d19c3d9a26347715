import { minimum, type Tensor } from '@strata/tensor';
import { Merge } from './merge';

/**
 * The elementwise minimum of a list of inputs (which broadcast per example), as Keras's Minimum.
 *
 * Input: a list of tensors that broadcast per example. Output: their broadcast shape.
 *
 * @example
 * ```ts
 * const y = new Minimum().apply([tensor([[1, 5]]), tensor([[3, 2]])]); // [[1, 2]]
 * ```
 */
export class Minimum extends Merge {
  static override className = 'Minimum';

  protected mergeFunction(inputs: Tensor[]): Tensor {
    return inputs.slice(1).reduce((acc, x) => minimum(acc, x), inputs[0]);
  }
}
