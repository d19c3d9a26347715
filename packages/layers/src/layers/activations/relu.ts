import { cast, clipByValue, greater, leakyRelu, mul, neg, relu, relu6, sub, add, type Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { checkNumber } from '../core/option-checks';

export interface ReLUArgs extends LayerArgs {
  /** The largest output (null: unbounded). */
  maxValue?: number | null;
  /** The slope below the threshold (0: plain relu). */
  negativeSlope?: number;
  /** Inputs at or below it are "negative": 0 (or negativeSlope * (x - threshold)). */
  threshold?: number;
}

/**
 * Keras's rectified linear unit: x above `threshold` (capped at `maxValue`), and
 * `negativeSlope * (x - threshold)` at or below it.
 *
 * Input: any shape. Output: the same shape.
 *
 * @example
 * ```ts
 * const y = new ReLU({ maxValue: 6 }).apply(tensor([-1, 3, 9])); // [0, 3, 6]
 * ```
 */
export class ReLU extends Layer {
  static override className = 'ReLU';
  /** The largest output, or null for unbounded. */
  readonly maxValue: number | null;
  /** The slope below the threshold. */
  readonly negativeSlope: number;
  /** The value at or below which inputs count as negative. */
  readonly threshold: number;

  constructor(args: ReLUArgs = {}) {
    super(args);
    this.maxValue =
      args.maxValue === undefined || args.maxValue === null
        ? null
        : checkNumber('ReLU', 'maxValue', args.maxValue, undefined, { min: 0 });
    this.negativeSlope = checkNumber('ReLU', 'negativeSlope', args.negativeSlope, 0, { min: 0 });
    this.threshold = checkNumber('ReLU', 'threshold', args.threshold, 0, { min: 0 });
    this.supportsMasking = true;
  }

  // The same case analysis as keras.activations.relu, so fast paths (relu, relu6, leakyRelu) are taken alike.
  override call(x: Tensor): Tensor {
    const { maxValue, negativeSlope: slope, threshold } = this;
    if (slope !== 0 && maxValue === null && threshold === 0) return leakyRelu(x, slope);
    const negativePart = slope === 0 ? null : relu(threshold !== 0 ? add(neg(x), threshold) : neg(x));
    let y: Tensor;
    let clip = maxValue !== null;
    if (threshold !== 0) y = mul(x, cast(greater(x, threshold), x.dtype));
    else if (maxValue === 6) {
      y = relu6(x);
      clip = false;
    } else y = relu(x);
    if (clip) y = clipByValue(y, 0, maxValue!);
    return negativePart ? sub(y, mul(negativePart, slope)) : y;
  }

  override computeOutputShape(inputShape: ShapeOrShapes): ShapeOrShapes {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      maxValue: this.maxValue,
      negativeSlope: this.negativeSlope,
      threshold: this.threshold,
    };
  }
}
