import { add, concat, mul, ones, split, type DType, type Shape, type Tensor } from '@strata/tensor';
import { getActivation, serializeActivation, type Activation, type ActivationIdentifier } from '../../activations';
import { Initializer } from '../../initializers';
import { checkImplementation, RecurrentCell, type RecurrentCellArgs } from './recurrent-cell';
import { classNameOf } from '../../serializable';
import type { CellStepOptions } from './rnn-cell';

/** LSTMCell's options: the recurrent cell's, plus its gates' activation and `unitForgetBias`. */
export interface LSTMCellArgs extends RecurrentCellArgs {
  /** The gates' activation; default 'sigmoid', null means linear. */
  recurrentActivation?: ActivationIdentifier;
  /** Adds 1 to the forget gate's bias at initialization (Jozefowicz et al.); default true. */
  unitForgetBias?: boolean;
  /** Keras's kernel-fusing choice (1 or 2): accepted for compatibility, the result is the same either way. */
  implementation?: number;
}

/** Keras's unit_forget_bias: the bias initializer's values with ones for the forget gate. */
class UnitForgetBias extends Initializer {
  static override className = 'UnitForgetBias';
  constructor(
    private readonly base: Initializer,
    private readonly units: number,
  ) {
    super();
  }
  call(_shape: readonly number[], dtype: DType = 'float32'): Tensor {
    const u = this.units;
    return concat([this.base.call([u], dtype), ones([u], dtype), this.base.call([2 * u], dtype)], 0);
  }
}

/**
 * The LSTM step (Hochreiter 1997), gates in Keras's order i, f, c, o:
 * `c = f·c_prev + i·activation(x_c)`, `h = o·activation(c)`. States: [h, c].
 *
 * Step input: [batch, features] and the states [h, c], each [batch, units]. Step output: h, [batch, units].
 *
 * @example
 * ```ts
 * const layer = new RNN({ cell: new LSTMCell({ units: 32 }), returnSequences: true });
 * ```
 */
export class LSTMCell extends RecurrentCell {
  static override className = 'LSTMCell';
  /** The gates' activation. */
  readonly recurrentActivation: Activation;
  /** Whether the forget gate's bias starts at 1. */
  readonly unitForgetBias: boolean;
  /** Keras's kernel-fusing choice, kept for the config. */
  readonly implementation: number;

  constructor(args: LSTMCellArgs) {
    super(args);
    this.recurrentActivation = getActivation(
      args.recurrentActivation === undefined ? 'sigmoid' : args.recurrentActivation,
    );
    this.unitForgetBias = args.unitForgetBias ?? true;
    this.implementation = checkImplementation(classNameOf(this), args.implementation);
  }

  protected get gates(): number {
    return 4;
  }

  get stateSize(): number[] {
    return [this.units, this.units];
  }

  protected buildCell(stepInputShape: Shape): void {
    const biasInitializer = this.unitForgetBias
      ? new UnitForgetBias(this.biasSettings.initializer, this.units)
      : this.biasSettings.initializer;
    this.addCellWeights(stepInputShape, [4 * this.units], biasInitializer);
  }

  protected inputBias(): Tensor | null {
    return this.bias;
  }

  stepProjected(xw: Tensor, [hPrev, cPrev]: readonly Tensor[], { training }: CellStepOptions): [Tensor, Tensor[]] {
    const z = add(xw, this.project(hPrev, this.recurrentKernel, this.recurrentMasks(hPrev, training)));
    const [zi, zf, zc, zo] = split(z, 4, -1);
    const i = this.recurrentActivation(zi);
    const f = this.recurrentActivation(zf);
    const c = add(mul(f, cPrev), mul(i, this.activation(zc)));
    const o = this.recurrentActivation(zo);
    const h = mul(o, this.activation(c));
    return [h, [h, c]];
  }

  /** The cell's config: the recurrent cell's, plus its own options. */
  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      recurrentActivation: serializeActivation(this.recurrentActivation),
      unitForgetBias: this.unitForgetBias,
      implementation: this.implementation,
    };
  }
}
