import { add, div, mul, sqrt, square, sub, type Tensor, type Variable } from '@strata/tensor';
import { Optimizer, type OptimizerArgs } from './optimizer';

/** The options of {@link Nadam}, besides the common {@link OptimizerArgs}. */
export interface NadamArgs extends OptimizerArgs {
  /** The decay rate of the first-moment (mean) estimate. Default: 0.9. */
  beta1?: number;
  /** The decay rate of the second-moment estimate. Default: 0.999. */
  beta2?: number;
  /** A small constant added to denominators for numerical stability. Default: 1e-7. */
  epsilon?: number;
}

/**
 * Nadam, Adam with Nesterov momentum (Dozat), with Keras's momentum schedule `μₜ = β1(1 - 0.5·0.96ᵗ)`.
 *
 * @example
 * ```ts
 * model.compile({ optimizer: new Nadam({ learningRate: 2e-3 }), loss: 'mse' });
 * ```
 */
export class Nadam extends Optimizer {
  static override className = 'Nadam';
  /** The decay rate of the first-moment (mean) estimate. */
  readonly beta1: number;
  /** The decay rate of the second-moment estimate. */
  readonly beta2: number;
  /** A small constant added to denominators for numerical stability. */
  readonly epsilon: number;
  /** The product of the momentum schedule up to this step (a host number: it depends on the step alone). */
  uProduct = 1;

  constructor(args: NadamArgs = {}) {
    super(args, 0.001);
    this.beta1 = args.beta1 ?? 0.9;
    this.beta2 = args.beta2 ?? 0.999;
    this.epsilon = args.epsilon ?? 1e-7;
  }

  override getHostState(): Record<string, number> {
    return { ...super.getHostState(), uProduct: this.uProduct };
  }
  override setHostState(state: Record<string, number>): void {
    super.setHostState(state);
    if (typeof state.uProduct === 'number') this.uProduct = state.uProduct;
  }

  protected slotNames(): string[] {
    return ['momentum', 'velocity'];
  }

  private mu(step: number): number {
    return this.beta1 * (1 - 0.5 * 0.96 ** step);
  }

  protected override beforeUpdates(): void {
    this.uProduct *= this.mu(this.iterations + 1);
  }

  protected updateStep(g: Tensor, w: Variable, lr: number, [m, v]: Variable[]): void {
    const t = this.iterations + 1;
    const uT = this.mu(t);
    const uNext = this.mu(t + 1);
    const uProductNext = this.uProduct * uNext;
    m.assign(add(m, mul(sub(g, m), 1 - this.beta1)));
    v.assign(add(v, mul(sub(square(g), v), 1 - this.beta2)));
    const mHat = add(mul(m, uNext / (1 - uProductNext)), mul(g, (1 - uT) / (1 - this.uProduct)));
    const vHat = div(v, 1 - this.beta2 ** t);
    w.assign(sub(w, div(mul(mHat, lr), add(sqrt(vHat), this.epsilon))));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
