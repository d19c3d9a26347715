import { add, div, mul, sqrt, square, sub, type Tensor, type Variable } from '@strata/tensor';
import { Optimizer, type OptimizerArgs } from './optimizer';

/** The options of {@link Adagrad}, besides the common {@link OptimizerArgs}. */
export interface AdagradArgs extends OptimizerArgs {
  /** The starting value of the per-weight accumulators. Default: 0.1. */
  initialAccumulatorValue?: number;
  /** A small constant added to denominators for numerical stability. Default: 1e-7. */
  epsilon?: number;
}

/**
 * Adagrad (Duchi et al.): `a += g²; w -= lr·g / √(a + ε)`.
 *
 * @example
 * ```ts
 * model.compile({ optimizer: new Adagrad({ learningRate: 0.01 }), loss: 'mse' });
 * ```
 */
export class Adagrad extends Optimizer {
  static override className = 'Adagrad';
  /** The starting value of the per-weight accumulators. */
  readonly initialAccumulatorValue: number;
  /** A small constant added to denominators for numerical stability. */
  readonly epsilon: number;

  constructor(args: AdagradArgs = {}) {
    super(args, 0.001);
    this.initialAccumulatorValue = args.initialAccumulatorValue ?? 0.1;
    this.epsilon = args.epsilon ?? 1e-7;
  }

  protected slotNames(): string[] {
    return ['accumulator'];
  }

  protected override slotInitialValue(): number {
    return this.initialAccumulatorValue;
  }

  protected updateStep(g: Tensor, w: Variable, lr: number, [acc]: Variable[]): void {
    acc.assign(add(acc, square(g)));
    w.assign(sub(w, div(mul(g, lr), sqrt(add(acc, this.epsilon)))));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), initialAccumulatorValue: this.initialAccumulatorValue, epsilon: this.epsilon };
  }
}
