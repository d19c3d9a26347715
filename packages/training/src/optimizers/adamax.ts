import { abs, add, div, maximum, mul, sub, type Tensor, type Variable } from '@strata/tensor';
import { Optimizer, type OptimizerArgs } from './optimizer';

/** The options of {@link Adamax}, besides the common {@link OptimizerArgs}. */
export interface AdamaxArgs extends OptimizerArgs {
  /** The decay rate of the first-moment (mean) estimate. Default: 0.9. */
  beta1?: number;
  /** The decay rate of the second-moment estimate. Default: 0.999. */
  beta2?: number;
  /** A small constant added to denominators for numerical stability. Default: 1e-7. */
  epsilon?: number;
}

/**
 * Adamax, Adam over the infinity norm: `u = max(β2·u, |g|); w -= lr·m / ((1-β1ᵗ)(u + ε))`.
 *
 * @example
 * ```ts
 * model.compile({ optimizer: new Adamax({ learningRate: 2e-3 }), loss: 'mse' });
 * ```
 */
export class Adamax extends Optimizer {
  static override className = 'Adamax';
  /** The decay rate of the first-moment (mean) estimate. */
  readonly beta1: number;
  /** The decay rate of the second-moment estimate. */
  readonly beta2: number;
  /** A small constant added to denominators for numerical stability. */
  readonly epsilon: number;

  constructor(args: AdamaxArgs = {}) {
    super(args, 0.001);
    this.beta1 = args.beta1 ?? 0.9;
    this.beta2 = args.beta2 ?? 0.999;
    this.epsilon = args.epsilon ?? 1e-7;
  }

  protected slotNames(): string[] {
    return ['m', 'u'];
  }

  protected updateStep(g: Tensor, w: Variable, lr: number, [m, u]: Variable[]): void {
    const t = this.iterations + 1;
    m.assign(add(m, mul(sub(g, m), 1 - this.beta1)));
    u.assign(maximum(mul(u, this.beta2), abs(g)));
    w.assign(sub(w, div(mul(m, lr), mul(add(u, this.epsilon), 1 - this.beta1 ** t))));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
