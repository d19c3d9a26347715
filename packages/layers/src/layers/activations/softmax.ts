import { add, cast, exp, logSumExp, mul, softmax, sub, type Tensor } from '@strata/tensor';
import { Layer, type CallOptions, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';

export interface SoftmaxArgs extends LayerArgs {
  /** The axis (or axes) normalised over; default -1. */
  axis?: number | readonly number[];
}

/** Keras's stand-in for -inf: masked logits get it, so they end with (almost exactly) zero probability. */
const LARGE_NEGATIVE = -1e9;

/**
 * Softmax over `axis`; where a mask is given (0/false = masked), masked positions get ~0 probability.
 *
 * Input: any shape. Output: the same shape, summing to 1 over `axis`.
 *
 * @example
 * ```ts
 * const p = new Softmax().apply(tensor([[1, 2, 3]])); // [[0.090, 0.245, 0.665]]
 * ```
 */
export class Softmax extends Layer {
  static override className = 'Softmax';
  /** The axis or axes normalised over. */
  readonly axis: number | number[];

  constructor(args: SoftmaxArgs = {}) {
    super(args);
    const axis = args.axis ?? -1;
    const ok =
      Number.isInteger(axis) || (Array.isArray(axis) && axis.length > 0 && axis.every((a) => Number.isInteger(a)));
    if (!ok)
      throw new LayerError(
        `Softmax: axis must be an integer or a non-empty list of integers, received ${JSON.stringify(args.axis)}`,
      );
    this.axis = Array.isArray(axis) ? [...axis] : (axis as number);
    this.supportsMasking = true;
  }

  override call(inputs: Tensor, { mask }: CallOptions = {}): Tensor {
    let x = inputs;
    if (mask) {
      // (1 - mask) * -1e9 rather than where(): the mask may broadcast (attention masks do).
      x = add(x, mul(sub(1, cast(mask as Tensor, x.dtype)), LARGE_NEGATIVE));
    }
    const axes = Array.isArray(this.axis) ? this.axis : [this.axis];
    if (axes.length === 1) return softmax(x, axes[0]);
    return exp(sub(x, logSumExp(x, axes, true)));
  }

  override computeOutputShape(inputShape: ShapeOrShapes): ShapeOrShapes {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: Array.isArray(this.axis) ? [...this.axis] : this.axis };
  }
}
