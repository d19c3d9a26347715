import { add, matmul, mul, type Shape, type Tensor } from '@strata/tensor';
import { RecurrentCell, type RecurrentCellArgs } from './recurrent-cell';
import type { CellStepOptions } from './rnn-cell';

/** The options of {@link SimpleRNNCell}: those of `RecurrentCellArgs`. */
export type SimpleRNNCellArgs = RecurrentCellArgs;

/**
 * `h = activation(x·kernel + bias + h_prev·recurrent_kernel)`: the fully connected recurrent step.
 *
 * Step input: [batch, features] and the state [batch, units]. Step output: [batch, units] (also the next state).
 *
 * @example
 * ```ts
 * const layer = new RNN({ cell: new SimpleRNNCell({ units: 16 }) });
 * ```
 */
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

  protected inputBias(): Tensor | null {
    return this.bias;
  }

  stepProjected(xw: Tensor, [previous]: readonly Tensor[], { training }: CellStepOptions): [Tensor, Tensor[]] {
    const recurrentMask = this.recurrentMasks(previous, training);
    const h = this.activation(
      add(xw, matmul(recurrentMask ? mul(previous, recurrentMask[0]) : previous, this.recurrentKernel)),
    );
    return [h, [h]];
  }
}
