import { mul, type Tensor } from '@strata/tensor';
import { Merge } from './merge';

/**
 * The elementwise product of a list of inputs (which broadcast per example), as Keras's Multiply.
 *
 * Input: a list of tensors that broadcast per example. Output: their broadcast shape.
 *
 * @example
 * ```ts
 * const y = new Multiply().apply([tensor([[1, 2]]), tensor([[3, 4]])]); // [[3, 8]]
 * ```
 */
export class Multiply extends Merge {
  static override className = 'Multiply';

  protected mergeFunction(inputs: Tensor[]): Tensor {
    return inputs.slice(1).reduce((acc, x) => mul(acc, x), inputs[0]);
  }
}
