import { mul, neg, relu, sub, type Shape, type Tensor, type Variable } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { weightConfig, weightSettings, type WeightArgs, type WeightSettings } from '../../weight-settings';

/** PReLU's options; `alphaInitializer` defaults to 'zeros': the layer starts as a plain relu. */
export interface PReLUArgs extends LayerArgs, WeightArgs<'alpha'> {
  /** Axes (1 = the first after the batch) along which one alpha is shared, e.g. [1, 2] for images: one per channel. */
  sharedAxes?: number | readonly number[] | null;
}

/**
 * Parametric ReLU: x for x >= 0, alpha * x below, with alpha learned per position (or shared along axes).
 *
 * Input: any shape (the non-batch axes must be known). Output: the same shape. Weights: `alpha`, the input shape
 * without the batch axis (size 1 on `sharedAxes`).
 *
 * @example
 * ```ts
 * // One learned slope per channel of a [batch, 28, 28, 16] feature map:
 * const prelu = new PReLU({ sharedAxes: [1, 2] }); // alpha [1, 1, 16]
 * ```
 */
export class PReLU extends Layer {
  static override className = 'PReLU';
  /** Alpha's initializer, regularizer and constraint. */
  readonly alphaSettings: WeightSettings;
  /** The axes along which one alpha is shared, or null (one alpha per input element). */
  readonly sharedAxes: number[] | null;
  /**
   * The learned negative slopes (the input shape without the batch axis, size 1 on shared axes); created by build().
   */
  alpha!: Variable;

  constructor(args: PReLUArgs = {}) {
    super(args);
    this.alphaSettings = weightSettings(args, 'alpha', 'zeros');
    const axes =
      args.sharedAxes === undefined || args.sharedAxes === null
        ? null
        : typeof args.sharedAxes === 'number'
          ? [args.sharedAxes]
          : args.sharedAxes;
    if (axes !== null && !(Array.isArray(axes) && axes.every((a) => Number.isInteger(a) && a >= 1))) {
      throw new LayerError(
        `PReLU: sharedAxes must be an axis or a list of axes >= 1 (axis 0 is the batch), received ${JSON.stringify(args.sharedAxes)}`,
      );
    }
    this.sharedAxes = axes ? [...axes] : null;
    this.supportsMasking = true;
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = inputShape as Shape;
    const shared = new Set(this.sharedAxes ?? []);
    for (const a of shared) {
      if (a >= shape.length)
        throw new LayerError(
          `Layer "${this.name}": sharedAxes ${JSON.stringify(this.sharedAxes)} name axis ${a}, but the input ${fmtShape(shape)} has axes 1 to ${shape.length - 1} after the batch`,
        );
    }
    const paramShape = shape.slice(1).map((d, i) => {
      if (shared.has(i + 1)) return 1;
      if (d === null)
        throw new LayerError(
          `Layer "${this.name}": axis ${i + 1} of the input ${fmtShape(shape)} is unknown, so it needs its own alpha size; give it a fixed size or list it in sharedAxes`,
        );
      return d;
    });
    this.alpha = this.addWeight('alpha', paramShape, this.alphaSettings);
    const axes: Record<number, number> = {};
    paramShape.forEach((d, i) => {
      if (!shared.has(i + 1)) axes[i + 1] = d;
    });
    this.inputSpec = { ndim: shape.length, axes };
    this.built = true;
  }

  override call(x: Tensor): Tensor {
    return sub(relu(x), mul(this.alpha, relu(neg(x))));
  }

  override computeOutputShape(inputShape: ShapeOrShapes): ShapeOrShapes {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      ...weightConfig({ alpha: this.alphaSettings }),
      sharedAxes: this.sharedAxes ? [...this.sharedAxes] : null,
    };
  }
}
