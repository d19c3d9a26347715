import { maximum, type Tensor } from '@strata/tensor';
import { Merge } from './merge';

/**
 * The elementwise maximum of a list of inputs (which broadcast per example), as Keras's Maximum.
 *
 * Input: a list of tensors that broadcast per example. Output: their broadcast shape.
 *
 * @example
 * ```ts
 * const y = new Maximum().apply([tensor([[1, 5]]), tensor([[3, 2]])]); // [[3, 5]]
 * ```
 */
export class Maximum extends Merge {
  static override className = 'Maximum';

  protected mergeFunction(inputs: Tensor[]): Tensor {
    return inputs.slice(1).reduce((acc, x) => maximum(acc, x), inputs[0]);
  }
}
