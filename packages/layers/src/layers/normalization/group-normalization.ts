import {
  add,
  cast,
  mean,
  mul,
  reshape,
  rsqrt,
  square,
  sub,
  tile,
  type Shape,
  type Tensor,
  type Variable,
} from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { AffineParams, type AffineArgs } from './affine';
import { integerOption, numberOption, resolveAxes } from './option-checks';

export interface GroupNormalizationArgs extends LayerArgs, AffineArgs {
  /** Number of channel groups; must divide the channels. -1 makes one group per channel (instance normalization). Default 32. */
  groups?: number;
  /** The channels axis (default -1). */
  axis?: number;
  /** Added to the variance before the square root (default 1e-3). */
  epsilon?: number;
}

/**
 * Splits the channels into `groups` and normalizes each example's group (its channels over every
 * spatial position) to mean 0 and variance 1, then applies per-channel `gamma` and `beta`
 * (Wu & He, 2018), as Keras's GroupNormalization.
 *
 * Input: any shape with the channels known and divisible by `groups`. Output: the same shape.
 *
 * @example
 * ```ts
 * const y = new GroupNormalization({ groups: 4 }).apply(randomNormal([2, 8, 8, 16])); // shape [2, 8, 8, 16]
 * ```
 */
export class GroupNormalization extends Layer {
  static override className = 'GroupNormalization';
  /** The number of channel groups. */
  readonly groups: number;
  /** The channels axis. */
  readonly axis: number;
  /** Added to the variance before the square root. */
  readonly epsilon: number;
  /** The learned scale (gamma) and offset (beta) settings. */
  readonly affine: AffineParams;
  /** The learned scale [channels], or null when `scale` is false; created by build(). */
  gamma: Variable | null = null;
  /** The learned offset [channels], or null when `center` is false; created by build(). */
  beta: Variable | null = null;
  private channelAxis = -1;
  private groupCount = 0;

  constructor(args: GroupNormalizationArgs = {}) {
    super(args);
    const cls = 'GroupNormalization';
    this.groups = integerOption(cls, 'groups', args.groups, 32);
    if (this.groups === 0 || this.groups < -1)
      throw new LayerError(
        `${cls}: groups must be a positive integer, or -1 for one group per channel, received ${this.groups}`,
      );
    this.axis = integerOption(cls, 'axis', args.axis, -1);
    this.epsilon = numberOption(cls, 'epsilon', args.epsilon, 1e-3, { min: 0 });
    this.affine = new AffineParams(cls, args);
    this.supportsMasking = true;
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = inputShape as Shape;
    const where = `Layer "${this.name}"`;
    [this.channelAxis] = resolveAxes(where, this.axis, shape);
    if (this.channelAxis === 0)
      throw new LayerError(
        `${where}: axis ${this.axis} is the batch axis of an input of shape ${fmtShape(shape)}; GroupNormalization needs the channels axis (usually -1)`,
      );
    const dim = shape[this.channelAxis];
    if (dim === null)
      throw new LayerError(
        `${where}: axis ${this.axis} of the input must be known to build GroupNormalization, received shape ${fmtShape(shape)}`,
      );
    const groups = this.groups === -1 ? dim : this.groups;
    if (groups > dim || dim % groups !== 0) {
      throw new LayerError(
        `${where}: groups=${groups} must divide the ${dim} channels of the input (shape ${fmtShape(shape)}); pick a divisor of ${dim}, or -1 for one group per channel`,
      );
    }
    this.groupCount = groups;
    if (this.affine.scale) this.gamma = this.affine.addGamma(this, [dim]);
    if (this.affine.center) this.beta = this.affine.addBeta(this, [dim]);
    this.inputSpec = { ndim: shape.length, axes: { [this.channelAxis]: dim } };
    this.built = true;
  }

  /**
   * Statistics are taken per channel over the spatial axes first, then averaged within each group:
   * groups hold equal numbers of channels, so this is the exact group statistic, and only the small
   * per-channel tensor is reshaped. Reshaping the input itself would need every spatial size,
   * which a symbolic trace of a fully convolutional model does not know.
   */
  override call(inputs: Tensor): Tensor {
    const x = inputs.dtype === 'float32' ? inputs : cast(inputs, 'float32');
    const spatial = x.shape.map((_, i) => i).filter((i) => i !== 0 && i !== this.channelAxis);
    const perChannelMean = (t: Tensor) => (spatial.length > 0 ? mean(t, spatial, true) : t);
    const centered = sub(x, this.groupAverage(perChannelMean(x)));
    const variance = this.groupAverage(perChannelMean(square(centered)));
    const rank = x.shape.length;
    const param = (p: Variable | null) =>
      p && this.channelAxis !== rank - 1
        ? reshape(
            p,
            x.shape.map((d, i) => (i === this.channelAxis ? (d as number) : 1)),
          )
        : p;
    const gamma = param(this.gamma);
    const beta = param(this.beta);
    const inv = gamma ? mul(rsqrt(add(variance, this.epsilon)), gamma) : rsqrt(add(variance, this.epsilon));
    const normalized = mul(centered, inv);
    return beta ? add(normalized, beta) : normalized;
  }

  /** Replaces each channel's value by its group's average; `t` has size 1 on every spatial axis. */
  private groupAverage(t: Tensor): Tensor {
    const c = this.channelAxis;
    const channels = t.shape[c] as number;
    const perGroup = channels / this.groupCount;
    const rest = t.shape.slice(1) as number[];
    const grouped = [-1, ...rest.slice(0, c - 1), this.groupCount, perGroup, ...rest.slice(c)];
    const averaged = mean(reshape(t, grouped), c + 1, true);
    const reps = grouped.map((_, i) => (i === c + 1 ? perGroup : 1));
    return reshape(tile(averaged, reps), [-1, ...rest]);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    return inputShape as Shape;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      groups: this.groups,
      axis: this.axis,
      epsilon: this.epsilon,
      center: this.affine.center,
      scale: this.affine.scale,
      ...this.affine.initializerConfig(),
      ...this.affine.penaltyConfig(),
    };
  }
}
