import { add, type Tensor } from '@strata/tensor';
import { Merge } from './merge';

/**
 * The elementwise sum of a list of inputs (which broadcast per example), as Keras's Add.
 *
 * Input: a list of tensors that broadcast per example. Output: their broadcast shape.
 *
 * @example
 * ```ts
 * const y = new Add().apply([ones([2, 3]), ones([2, 3])]); // shape [2, 3], all 2
 * ```
 */
export class Add extends Merge {
  static override className = 'Add';

  protected mergeFunction(inputs: Tensor[]): Tensor {
    return inputs.slice(1).reduce((acc, x) => add(acc, x), inputs[0]);
  }
}
