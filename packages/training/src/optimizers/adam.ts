import { add, div, maximum, mul, sqrt, square, sub, type Tensor, type Variable } from '@strata/tensor';
import { adamUpdate } from '@strata/tensor/internal';
import { Optimizer, type OptimizerArgs } from './optimizer';

/** The options of {@link Adam}, besides the common {@link OptimizerArgs}. */
export interface AdamArgs extends OptimizerArgs {
  /** The decay rate of the first-moment (mean) estimate. Default: 0.9. */
  beta1?: number;
  /** The decay rate of the second-moment estimate. Default: 0.999. */
  beta2?: number;
  /** A small constant added to denominators for numerical stability. Default: 1e-7. */
  epsilon?: number;
  /** Use the maximum of past second moments (Reddi et al., "On the Convergence of Adam and Beyond"). */
  amsgrad?: boolean;
}

/**
 * Adam (Kingma & Ba), in Keras's form: `m += (g - m)(1 - β1); v += (g² - v)(1 - β2);
 * w -= lr·√(1-β2ᵗ)/(1-β1ᵗ) · m / (√v + ε)`.
 *
 * @example
 * ```ts
 * model.compile({ optimizer: new Adam({ learningRate: 3e-4, clipnorm: 1 }), loss: 'mse' });
 * ```
 */
export class Adam extends Optimizer {
  static override className = 'Adam';
  /** The decay rate of the first-moment (mean) estimate. */
  readonly beta1: number;
  /** The decay rate of the second-moment estimate. */
  readonly beta2: number;
  /** A small constant added to denominators for numerical stability. */
  readonly epsilon: number;
  /** Whether the maximum of past second moments is used (AMSGrad). */
  readonly amsgrad: boolean;

  constructor(args: AdamArgs = {}) {
    super(args, 0.001);
    this.beta1 = args.beta1 ?? 0.9;
    this.beta2 = args.beta2 ?? 0.999;
    this.epsilon = args.epsilon ?? 1e-7;
    this.amsgrad = args.amsgrad ?? false;
  }

  protected slotNames(): string[] {
    return this.amsgrad ? ['momentum', 'velocity', 'velocity_hat'] : ['momentum', 'velocity'];
  }

  protected updateStep(g: Tensor, w: Variable, lr: number, [m, v, vHat]: Variable[]): void {
    const t = this.iterations + 1;
    const alpha = (lr * Math.sqrt(1 - this.beta2 ** t)) / (1 - this.beta1 ** t);
    if (!vHat && [g, w, m, v].every((x) => x.dtype === 'float32')) {
      // One fused kernel (one pass over memory on cpu and wasm) computing the same float32 values as the ops below.
      const [w2, m2, v2] = adamUpdate(w, g, m, v, {
        alpha,
        beta1: this.beta1,
        beta2: this.beta2,
        epsilon: this.epsilon,
      });
      m.assign(m2);
      v.assign(v2);
      w.assign(w2);
      return;
    }
    m.assign(add(m, mul(sub(g, m), 1 - this.beta1)));
    v.assign(add(v, mul(sub(square(g), v), 1 - this.beta2)));
    let second: Tensor = v;
    if (vHat) {
      vHat.assign(maximum(vHat, v));
      second = vHat;
    }
    w.assign(sub(w, div(mul(m, alpha), add(sqrt(second), this.epsilon))));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon, amsgrad: this.amsgrad };
  }
}
