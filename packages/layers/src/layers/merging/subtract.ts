import { sub, type Tensor } from '@strata/tensor';
import type { LayerArgs } from '../../layer';
import { Merge } from './merge';

/**
 * `inputs[0] - inputs[1]` for exactly two inputs (which broadcast per example), as Keras's Subtract.
 *
 * Input: two tensors that broadcast per example. Output: their broadcast shape.
 *
 * @example
 * ```ts
 * const y = new Subtract().apply([tensor([[5, 5]]), tensor([[1, 2]])]); // [[4, 3]]
 * ```
 */
export class Subtract extends Merge {
  static override className = 'Subtract';

  constructor(args: LayerArgs = {}) {
    super(args);
    this.inputCount = [2, 2];
  }

  protected mergeFunction([a, b]: Tensor[]): Tensor {
    return sub(a, b);
  }
}
