import { add, matmul, mul, type Shape, type Tensor } from '@strata/tensor';
import { RecurrentCell, type RecurrentCellArgs } from './recurrent-cell';
import type { CellStepOptions } from './rnn-cell';

export type SimpleRNNCellArgs = RecurrentCellArgs;

/** `h = activation(x·kernel + bias + h_prev·recurrent_kernel)`: the fully connected recurrent step. */
export class SimpleRNNCell extends RecurrentCell {
  static override className = 'SimpleRNNCell';

  constructor(args: SimpleRNNCellArgs) {
    super(args);
  }

  protected get gates(): number {
    return 1;
  }

  get stateSize(): number {
    return this.units;
  }

  protected buildCell(stepInputShape: Shape): void {
    this.addCellWeights(stepInputShape, [this.units]);
  }

  step(x: Tensor, [previous]: readonly Tensor[], { training }: CellStepOptions): [Tensor, Tensor[]] {
    const inputMask = this.inputMasks(x, training);
    const recurrentMask = this.recurrentMasks(previous, training);
    let z = matmul(inputMask ? mul(x, inputMask[0]) : x, this.kernel);
    if (this.bias) z = add(z, this.bias);
    const h = this.activation(add(z, matmul(recurrentMask ? mul(previous, recurrentMask[0]) : previous, this.recurrentKernel)));
    return [h, [h]];
  }
}
