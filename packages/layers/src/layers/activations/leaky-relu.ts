import { leakyRelu, type Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { checkNumber } from '../core/option-checks';

export interface LeakyReLUArgs extends LayerArgs {
  /** The slope for negative inputs: 0.3 by default, as Keras 3's layer (the function's default is 0.2). */
  negativeSlope?: number;
  /** Keras 2's and TensorFlow.js's name for negativeSlope, accepted so their configs load. */
  alpha?: number;
}

/**
 * x for x >= 0, negativeSlope * x below.
 *
 * Input: any shape. Output: the same shape.
 *
 * @example
 * ```ts
 * const y = new LeakyReLU({ negativeSlope: 0.1 }).apply(tensor([-2, 3])); // [-0.2, 3]
 * ```
 */
export class LeakyReLU extends Layer {
  static override className = 'LeakyReLU';
  /** The slope for negative inputs. */
  readonly negativeSlope: number;

  constructor(args: LeakyReLUArgs = {}) {
    super(args);
    if (args.alpha !== undefined && args.negativeSlope !== undefined) {
      throw new LayerError(
        `LeakyReLU: give negativeSlope or its old name alpha, not both (received negativeSlope=${args.negativeSlope}, alpha=${args.alpha})`,
      );
    }
    const option = args.alpha !== undefined ? 'alpha' : 'negativeSlope';
    this.negativeSlope = checkNumber('LeakyReLU', option, args.alpha ?? args.negativeSlope, 0.3, { min: 0 });
    this.supportsMasking = true;
  }

  override call(x: Tensor): Tensor {
    return leakyRelu(x, this.negativeSlope);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): ShapeOrShapes {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), negativeSlope: this.negativeSlope };
  }
}
