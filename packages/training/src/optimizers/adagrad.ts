import { add, div, mul, sqrt, square, sub, type Tensor, type Variable } from '@strata/tensor';
import { Optimizer, type OptimizerArgs } from './optimizer';

export interface AdagradArgs extends OptimizerArgs {
  initialAccumulatorValue?: number;
  epsilon?: number;
}

/** Adagrad (Duchi et al.): `a += g²; w -= lr·g / √(a + ε)`. */
export class Adagrad extends Optimizer {
  static override className = 'Adagrad';
  readonly initialAccumulatorValue: number;
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
