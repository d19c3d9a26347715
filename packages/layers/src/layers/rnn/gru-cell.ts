import { add, matmul, mul, split, sub, unstack, type Shape, type Tensor } from '@strata/tensor';
import { getActivation, serializeActivation, type Activation, type ActivationIdentifier } from '../../activations';
import { checkImplementation, RecurrentCell, type RecurrentCellArgs } from './recurrent-cell';
import { classNameOf } from '../../serializable';
import type { CellStepOptions } from './rnn-cell';

/** GRUCell's options: the recurrent cell's, plus its gates' activation and `resetAfter`. */
export interface GRUCellArgs extends RecurrentCellArgs {
  /** The gates' activation; default 'sigmoid', null means linear. */
  recurrentActivation?: ActivationIdentifier;
  /**
   * Apply the reset gate after the recurrent matmul (default true, Keras 3 and cuDNN): the bias
   * is then [2, 3·units], an input and a recurrent row. False: before it, and one bias [3·units].
   */
  resetAfter?: boolean;
  /** Keras's kernel-fusing choice (1 or 2): accepted for compatibility, the result is the same either way. */
  implementation?: number;
}

/**
 * The GRU step (Cho et al. 2014), gates in Keras's order z (update), r (reset), h (candidate):
 * `h = z·h_prev + (1 − z)·activation(x_h + r ⊙ recurrent_h)`.
 *
 * Step input: [batch, features] and the state h [batch, units]. Step output: [batch, units] (also the next state).
 *
 * @example
 * ```ts
 * const layer = new RNN({ cell: new GRUCell({ units: 32 }) });
 * ```
 */
export class GRUCell extends RecurrentCell {
  static override className = 'GRUCell';
  /** The gates' activation. */
  readonly recurrentActivation: Activation;
  /** Whether the reset gate applies after the recurrent matmul (Keras 3's and cuDNN's convention). */
  readonly resetAfter: boolean;
  /** Keras's kernel-fusing choice, kept for the config. */
  readonly implementation: number;

  constructor(args: GRUCellArgs) {
    super(args);
    this.recurrentActivation = getActivation(
      args.recurrentActivation === undefined ? 'sigmoid' : args.recurrentActivation,
    );
    this.resetAfter = args.resetAfter ?? true;
    this.implementation = checkImplementation(classNameOf(this), args.implementation);
  }

  protected get gates(): number {
    return 3;
  }

  get stateSize(): number {
    return this.units;
  }

  protected buildCell(stepInputShape: Shape): void {
    this.addCellWeights(stepInputShape, this.resetAfter ? [2, 3 * this.units] : [3 * this.units]);
  }

  protected inputBias(): Tensor | null {
    if (!this.bias) return null;
    return this.resetAfter ? unstack(this.bias, 0)[0] : this.bias;
  }

  stepProjected(xProjected: Tensor, [hPrev]: readonly Tensor[], { training }: CellStepOptions): [Tensor, Tensor[]] {
    const recurrentBias = this.bias && this.resetAfter ? unstack(this.bias, 0)[1] : null;
    const recurrentMasks = this.recurrentMasks(hPrev, training);
    const [xz, xr, xh] = split(xProjected, 3, -1);
    let z: Tensor, r: Tensor, candidate: Tensor;
    if (this.resetAfter) {
      let hProjected = this.project(hPrev, this.recurrentKernel, recurrentMasks);
      if (recurrentBias) hProjected = add(hProjected, recurrentBias);
      const [hz, hr, hh] = split(hProjected, 3, -1);
      z = this.recurrentActivation(add(xz, hz));
      r = this.recurrentActivation(add(xr, hr));
      candidate = this.activation(add(xh, mul(r, hh)));
    } else {
      const [hz, hr] = split(this.project(hPrev, this.recurrentKernel, recurrentMasks, 2), 2, -1);
      z = this.recurrentActivation(add(xz, hz));
      r = this.recurrentActivation(add(xr, hr));
      const hForCandidate = recurrentMasks ? mul(hPrev, recurrentMasks[2]) : hPrev;
      candidate = this.activation(add(xh, matmul(mul(r, hForCandidate), this.gateColumns(this.recurrentKernel, 2))));
    }
    const h = add(mul(z, hPrev), mul(sub(1, z), candidate));
    return [h, [h]];
  }

  /** The cell's config: the recurrent cell's, plus its own options. */
  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      recurrentActivation: serializeActivation(this.recurrentActivation),
      resetAfter: this.resetAfter,
      implementation: this.implementation,
    };
  }
}
