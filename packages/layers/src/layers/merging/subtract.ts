import { sub, type Tensor } from '@strata/tensor';
import type { LayerArgs } from '../../layer';
import { Merge } from './merge';

/** `inputs[0] - inputs[1]` for exactly two inputs (which broadcast per example), as Keras's Subtract. */
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
