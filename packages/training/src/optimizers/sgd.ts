import { add, mul, sub, type Tensor, type Variable } from '@strata/tensor';
import { TrainingError } from '../errors';
import { Optimizer, type OptimizerArgs } from './optimizer';

/** The options of {@link SGD}, besides the common {@link OptimizerArgs}. */
export interface SGDArgs extends OptimizerArgs {
  /** The momentum factor: 0 is plain gradient descent. Default: 0. */
  momentum?: number;
  /** Whether Nesterov momentum is used. Default: false. */
  nesterov?: boolean;
}

/**
 * Gradient descent with optional (Nesterov) momentum: `m = momentum*m - lr*g; w += m`.
 *
 * @example
 * ```ts
 * model.compile({ optimizer: new SGD({ learningRate: 0.01, momentum: 0.9, nesterov: true }), loss: 'mse' });
 * ```
 */
export class SGD extends Optimizer {
  static override className = 'SGD';
  /** The momentum factor: 0 is plain gradient descent. */
  readonly momentum: number;
  /** Whether Nesterov momentum is used. */
  readonly nesterov: boolean;

  constructor(args: SGDArgs = {}) {
    super(args, 0.01);
    this.momentum = args.momentum ?? 0;
    if (typeof this.momentum !== 'number' || this.momentum < 0 || this.momentum > 1)
      throw new TrainingError(`SGD: momentum must be a number in [0, 1], received ${JSON.stringify(args.momentum)}`);
    this.nesterov = args.nesterov ?? false;
  }

  protected slotNames(): string[] {
    return this.momentum !== 0 ? ['momentum'] : [];
  }

  protected updateStep(g: Tensor, v: Variable, lr: number, [m]: Variable[]): void {
    if (!m) {
      v.assign(sub(v, mul(g, lr)));
      return;
    }
    const next = sub(mul(m, this.momentum), mul(g, lr));
    m.assign(next);
    v.assign(add(v, this.nesterov ? sub(mul(next, this.momentum), mul(g, lr)) : next));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), momentum: this.momentum, nesterov: this.nesterov };
  }
}
