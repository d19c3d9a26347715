import { add, elu, minimum, mul, relu, type Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { checkNumber } from '../core/option-checks';

export interface ELUArgs extends LayerArgs {
  /** The scale of the negative part: alpha * (e^x - 1) below 0. Default 1. */
  alpha?: number;
}

/**
 * Exponential linear unit: x for x > 0, alpha * (e^x - 1) below.
 *
 * Input: any shape. Output: the same shape.
 *
 * @example
 * ```ts
 * const y = new ELU({ alpha: 1 }).apply(tensor([-1, 0, 2])); // [-0.632, 0, 2]
 * ```
 */
export class ELU extends Layer {
  static override className = 'ELU';
  /** The scale of the negative part. */
  readonly alpha: number;

  constructor(args: ELUArgs = {}) {
    super(args);
    this.alpha = checkNumber('ELU', 'alpha', args.alpha, 1);
    this.supportsMasking = true;
  }

  override call(x: Tensor): Tensor {
    if (this.alpha === 1) return elu(x);
    // elu(min(x, 0)) is e^x - 1 on the negative side and 0 elsewhere: scaled, it is the negative part.
    return add(relu(x), mul(elu(minimum(x, 0)), this.alpha));
  }

  override computeOutputShape(inputShape: ShapeOrShapes): ShapeOrShapes {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), alpha: this.alpha };
  }
}
