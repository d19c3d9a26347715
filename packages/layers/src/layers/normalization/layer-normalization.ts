import { add, cast, mul, neg, reshape, rsqrt, type Shape, type Tensor, type Variable } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { AffineParams, type AffineArgs } from './affine';
import { moments } from './moments';
import { axesOption, booleanOption, broadcastShapeFor, numberOption, resolveAxes } from './option-checks';

export interface LayerNormalizationArgs extends LayerArgs, AffineArgs {
  /** The axis or axes to normalize over, per example (default -1: the features). */
  axis?: number | number[];
  /** Added to the variance before the square root (default 1e-3). */
  epsilon?: number;
  /**
   * Keras 3's RMS scaling: `x * rsqrt(var(x) + epsilon) * gamma`, with no centering and no beta
   * (`center` and `scale` are then ignored). As in Keras it divides by the variance, not E[x^2].
   */
  rmsScaling?: boolean;
}

/**
 * Normalizes each example over `axis` to mean 0 and variance 1, then applies the learned
 * `gamma` and `beta` (which span the normalized axes), as Keras's LayerNormalization.
 *
 * Input: any shape. Output: the same shape.
 *
 * @example
 * ```ts
 * const y = new LayerNormalization().apply(tensor([[1, 2, 3]])); // [[-1.224, 0, 1.224]] (epsilon 1e-3)
 * ```
 */
export class LayerNormalization extends Layer {
  static override className = 'LayerNormalization';
  /** The axis or axes normalized over, per example. */
  readonly axis: number | number[];
  /** Added to the variance before the square root. */
  readonly epsilon: number;
  /** Whether the input is divided by its root mean square only (no centring). */
  readonly rmsScaling: boolean;
  /** The learned scale (gamma) and offset (beta) settings. */
  readonly affine: AffineParams;
  /** The learned scale over the normalized axes, or null when `scale` is false; created by build(). */
  gamma: Variable | null = null;
  /** The learned offset over the normalized axes, or null when `center` is false; created by build(). */
  beta: Variable | null = null;

  constructor(args: LayerNormalizationArgs = {}) {
    super(args);
    const cls = 'LayerNormalization';
    this.axis = axesOption(cls, args.axis, -1);
    this.epsilon = numberOption(cls, 'epsilon', args.epsilon, 1e-3, { min: 0 });
    this.rmsScaling = booleanOption(cls, 'rmsScaling', args.rmsScaling, false);
    this.affine = new AffineParams(cls, args);
    this.supportsMasking = true;
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = inputShape as Shape;
    const axes = resolveAxes(`Layer "${this.name}"`, this.axis, shape);
    if (axes.some((a) => shape[a] === null)) {
      throw new LayerError(
        `Layer "${this.name}": the normalized axes ${JSON.stringify(this.axis)} of the input must be known to build LayerNormalization, received shape ${fmtShape(shape)}`,
      );
    }
    const paramShape = axes.map((a) => shape[a] as number);
    if (this.affine.scale || this.rmsScaling) this.gamma = this.affine.addGamma(this, paramShape);
    if (this.affine.center && !this.rmsScaling) this.beta = this.affine.addBeta(this, paramShape);
    // Axes as the user gave them (possibly negative), so inputs of another rank still line up.
    const given = typeof this.axis === 'number' ? [this.axis] : this.axis;
    const sizeAt = (a: number) => shape[a < 0 ? a + shape.length : a] as number;
    this.inputSpec = {
      minNdim: Math.max(...given.map((a) => (a < 0 ? -a : a + 1))),
      axes: Object.fromEntries(given.map((a) => [a, sizeAt(a)])),
    };
    this.built = true;
  }

  override call(inputs: Tensor): Tensor {
    const x = inputs.dtype === 'float32' ? inputs : cast(inputs, 'float32');
    const axes = resolveAxes(`Layer "${this.name}"`, this.axis, x.shape);
    const onLastAxis = axes.length === 1 && axes[0] === x.shape.length - 1;
    const param = (p: Tensor | null) => (p && !onLastAxis ? reshape(p, broadcastShapeFor(x.shape, axes)) : p);
    const [mean, variance] = moments(x, axes, true);
    const gamma = param(this.gamma);
    if (this.rmsScaling) {
      const normalized = mul(x, rsqrt(add(variance, this.epsilon)));
      return gamma ? mul(normalized, gamma) : normalized;
    }
    // Keras's form: x * inv + (beta - mean * inv), with gamma folded into inv.
    const inv = gamma ? mul(rsqrt(add(variance, this.epsilon)), gamma) : rsqrt(add(variance, this.epsilon));
    const shift = mul(neg(mean), inv);
    const beta = param(this.beta);
    return add(mul(x, inv), beta ? add(shift, beta) : shift);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    return inputShape as Shape;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      axis: this.axis,
      epsilon: this.epsilon,
      center: this.affine.center,
      scale: this.affine.scale,
      rmsScaling: this.rmsScaling,
      ...this.affine.initializerConfig(),
      ...this.affine.penaltyConfig(),
    };
  }
}
