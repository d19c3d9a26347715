import { add, mul, sign, sub, type Tensor, type Variable } from '@strata/tensor';
import { TrainingError } from '../errors';
import { Optimizer, type OptimizerArgs } from './optimizer';

/** The options of {@link Lion}, besides the common {@link OptimizerArgs}. */
export interface LionArgs extends OptimizerArgs {
  /** The interpolation factor between momentum and gradient in the update sign. Default: 0.9. */
  beta1?: number;
  /** The decay rate of the momentum. Default: 0.99. */
  beta2?: number;
}

/**
 * Lion (Chen et al., "Symbolic Discovery of Optimization Algorithms"): `w -= lr·sign(β1·m + (1-β1)g); m = β2·m +
 * (1-β2)g`.
 *
 * @example
 * ```ts
 * // Lion's sign updates are larger than Adam's: use a learning rate 3-10 times smaller.
 * model.compile({ optimizer: new Lion({ learningRate: 1e-4 }), loss: 'mse' });
 * ```
 */
export class Lion extends Optimizer {
  static override className = 'Lion';
  /** The interpolation factor between momentum and gradient in the update sign. */
  readonly beta1: number;
  /** The decay rate of the momentum. */
  readonly beta2: number;

  constructor(args: LionArgs = {}) {
    super(args, 0.001);
    this.beta1 = args.beta1 ?? 0.9;
    this.beta2 = args.beta2 ?? 0.99;
    if (!(this.beta1 > 0 && this.beta1 <= 1))
      throw new TrainingError(`Lion: beta1 must be in (0, 1], received ${JSON.stringify(args.beta1)}`);
  }

  protected slotNames(): string[] {
    return ['momentum'];
  }

  protected updateStep(g: Tensor, w: Variable, lr: number, [m]: Variable[]): void {
    w.assign(sub(w, mul(sign(add(mul(m, this.beta1), mul(g, 1 - this.beta1))), lr)));
    m.assign(add(mul(m, this.beta2), mul(g, 1 - this.beta2)));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), beta1: this.beta1, beta2: this.beta2 };
  }
}
