import { add, div, mul, neg, sqrt, square, type Tensor, type Variable } from '@strata/tensor';
import { Optimizer, type OptimizerArgs } from './optimizer';

/** The options of {@link Adadelta}, besides the common {@link OptimizerArgs}. */
export interface AdadeltaArgs extends OptimizerArgs {
  /** The decay rate of the moving average of squared gradients. Default: 0.95. */
  rho?: number;
  /** A small constant added to denominators for numerical stability. Default: 1e-7. */
  epsilon?: number;
}

/**
 * Adadelta (Zeiler): steps scaled by the ratio of the RMS of past updates to the RMS of gradients.
 *
 * @example
 * ```ts
 * model.compile({ optimizer: new Adadelta({ learningRate: 1 }), loss: 'mse' });
 * ```
 */
export class Adadelta extends Optimizer {
  static override className = 'Adadelta';
  /** The decay rate of the moving average of squared gradients. */
  readonly rho: number;
  /** A small constant added to denominators for numerical stability. */
  readonly epsilon: number;

  constructor(args: AdadeltaArgs = {}) {
    super(args, 0.001);
    this.rho = args.rho ?? 0.95;
    this.epsilon = args.epsilon ?? 1e-7;
  }

  protected slotNames(): string[] {
    return ['accumulated_grad', 'accumulated_delta_var'];
  }

  protected updateStep(g: Tensor, w: Variable, lr: number, [accGrad, accDelta]: Variable[]): void {
    const rms = (x: Tensor): Tensor => sqrt(add(x, this.epsilon));
    accGrad.assign(add(mul(accGrad, this.rho), mul(square(g), 1 - this.rho)));
    const delta = neg(div(mul(rms(accDelta), g), rms(accGrad)));
    accDelta.assign(add(mul(accDelta, this.rho), mul(square(delta), 1 - this.rho)));
    w.assign(add(w, mul(delta, lr)));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rho: this.rho, epsilon: this.epsilon };
  }
}
