import { cast, maximum, mul, rsqrt, square, sum, type Shape, type Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { axesOption, resolveAxes } from './option-checks';

export interface UnitNormalizationArgs extends LayerArgs {
  /** The axis or axes whose L2 norm becomes 1 (default -1). */
  axis?: number | number[];
}

// Keras's floor on the squared norm: an all-zero input stays zero instead of becoming NaN.
const MIN_SQUARED_NORM = 1e-12;

/**
 * Scales each example to unit L2 norm over `axis`, as Keras's UnitNormalization. No weights.
 *
 * Input: any shape. Output: the same shape.
 *
 * @example
 * ```ts
 * const y = new UnitNormalization().apply(tensor([[3, 4]])); // [[0.6, 0.8]]
 * ```
 */
export class UnitNormalization extends Layer {
  static override className = 'UnitNormalization';
  /** The axis or axes whose L2 norm becomes 1. */
  readonly axis: number | number[];

  constructor(args: UnitNormalizationArgs = {}) {
    super(args);
    this.axis = axesOption('UnitNormalization', args.axis, -1);
    this.supportsMasking = true;
  }

  override build(inputShape: ShapeOrShapes): void {
    // Checks the axes now, so a bad axis fails when the model is defined.
    resolveAxes(`Layer "${this.name}"`, this.axis, inputShape as Shape);
    this.built = true;
  }

  override call(inputs: Tensor): Tensor {
    const x = inputs.dtype === 'float32' ? inputs : cast(inputs, 'float32');
    const axes = resolveAxes(`Layer "${this.name}"`, this.axis, x.shape);
    return mul(x, rsqrt(maximum(sum(square(x), axes, true), MIN_SQUARED_NORM)));
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    return inputShape as Shape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }
}
