import { add, div, mul, sqrt, square, sub, type Tensor, type Variable } from '@strata/tensor';
import { Optimizer, type OptimizerArgs } from './optimizer';

/** The options of {@link RMSprop}, besides the common {@link OptimizerArgs}. */
export interface RMSpropArgs extends OptimizerArgs {
  /** The decay rate of the moving average of squared gradients. Default: 0.9. */
  rho?: number;
  /** The momentum factor: 0 is plain gradient descent. Default: 0. */
  momentum?: number;
  /** A small constant added to denominators for numerical stability. Default: 1e-7. */
  epsilon?: number;
  /** Normalise by the variance of the gradient rather than its second moment. */
  centered?: boolean;
}

/**
 * RMSprop (Hinton): `v = ρv + (1-ρ)g²; w -= lr·g / √(v + ε)`, with optional momentum and centering.
 *
 * @example
 * ```ts
 * model.compile({ optimizer: new RMSprop({ learningRate: 1e-3, rho: 0.9 }), loss: 'mse' });
 * ```
 */
export class RMSprop extends Optimizer {
  static override className = 'RMSprop';
  /** The decay rate of the moving average of squared gradients. */
  readonly rho: number;
  /** The momentum factor: 0 is plain gradient descent. */
  readonly momentum: number;
  /** A small constant added to denominators for numerical stability. */
  readonly epsilon: number;
  /** Whether gradients are normalised by their variance rather than their second moment. */
  readonly centered: boolean;

  constructor(args: RMSpropArgs = {}) {
    super(args, 0.001);
    this.rho = args.rho ?? 0.9;
    this.momentum = args.momentum ?? 0;
    this.epsilon = args.epsilon ?? 1e-7;
    this.centered = args.centered ?? false;
  }

  protected slotNames(): string[] {
    return ['velocity', ...(this.momentum > 0 ? ['momentum'] : []), ...(this.centered ? ['average_gradient'] : [])];
  }

  protected updateStep(g: Tensor, w: Variable, lr: number, slots: Variable[]): void {
    const [velocity] = slots;
    const momentum = this.momentum > 0 ? slots[1] : null;
    const average = this.centered ? slots[slots.length - 1] : null;
    velocity.assign(add(mul(velocity, this.rho), mul(square(g), 1 - this.rho)));
    let denominator: Tensor;
    if (average) {
      average.assign(add(mul(average, this.rho), mul(g, 1 - this.rho)));
      denominator = add(sub(velocity, square(average)), this.epsilon);
    } else {
      denominator = add(velocity, this.epsilon);
    }
    const increment = div(mul(g, lr), sqrt(denominator));
    if (momentum) {
      momentum.assign(add(mul(momentum, this.momentum), increment));
      w.assign(sub(w, momentum));
    } else {
      w.assign(sub(w, increment));
    }
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      rho: this.rho,
      momentum: this.momentum,
      epsilon: this.epsilon,
      centered: this.centered,
    };
  }
}
