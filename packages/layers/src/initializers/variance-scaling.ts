import { randomNormal, randomUniform, truncatedNormal, type DType, type Seed, type Tensor } from '@strata/tensor';
import { LayerError } from '../errors';
import { Initializer } from './initializer';
import type { SeedArgs } from './random';

/** Which fan the variance is divided by: inputs, outputs, or their mean. */
export type FanMode = 'fan_in' | 'fan_out' | 'fan_avg';
/** The distribution VarianceScaling draws from (a truncated normal's stddev is corrected for the truncation). */
export type Distribution = 'truncated_normal' | 'untruncated_normal' | 'uniform';

/**
 * Keras's fans: a conv kernel [..., in, out] counts its receptive field.
 *
 * @example
 * ```ts
 * computeFans([3, 3, 16, 32]); // [144, 288]: a 3x3 conv kernel counts its receptive field
 * ```
 */
export function computeFans(shape: readonly number[]): [number, number] {
  if (shape.length === 0) return [1, 1];
  if (shape.length === 1) return [shape[0], shape[0]];
  if (shape.length === 2) return [shape[0], shape[1]];
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return [shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive];
}

/** The options of {@link VarianceScaling}. */
export interface VarianceScalingArgs extends SeedArgs {
  /** The variance's numerator, a positive number. Default: 1. */
  scale?: number;
  /** The fan the variance is divided by. Default: `'fan_in'`. */
  mode?: FanMode;
  /** The distribution to draw from. Default: `'truncated_normal'`. */
  distribution?: Distribution;
}

/**
 * Samples with variance `scale / fan`, the family behind Glorot, He and LeCun.
 *
 * @example
 * ```ts
 * // He uniform, spelled out: U(−√(6 / fanIn), √(6 / fanIn)).
 * const init = new VarianceScaling({ scale: 2, mode: 'fan_in', distribution: 'uniform', seed: 1 });
 * ```
 */
export class VarianceScaling extends Initializer {
  static override className = 'VarianceScaling';
  /** The variance's numerator. */
  readonly scale: number;
  /** The fan the variance is divided by. */
  readonly mode: FanMode;
  /** The distribution values are drawn from. */
  readonly distribution: Distribution;
  /** The seed, or null for fresh values at each call. */
  readonly seed: Seed | null;

  constructor(args: VarianceScalingArgs = {}) {
    super();
    this.scale = args.scale ?? 1;
    this.mode = args.mode ?? 'fan_in';
    this.distribution = args.distribution ?? 'truncated_normal';
    this.seed = args.seed ?? null;
    if (!(this.scale > 0)) throw new LayerError(`VarianceScaling: scale must be positive, received ${this.scale}`);
    if (!['fan_in', 'fan_out', 'fan_avg'].includes(this.mode))
      throw new LayerError(
        `VarianceScaling: mode must be 'fan_in', 'fan_out' or 'fan_avg', received ${JSON.stringify(this.mode)}`,
      );
    if (!['truncated_normal', 'untruncated_normal', 'uniform'].includes(this.distribution)) {
      throw new LayerError(
        `VarianceScaling: distribution must be 'truncated_normal', 'untruncated_normal' or 'uniform', received ${JSON.stringify(this.distribution)}`,
      );
    }
  }

  call(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    const [fanIn, fanOut] = computeFans(shape);
    const fan = this.mode === 'fan_in' ? fanIn : this.mode === 'fan_out' ? fanOut : (fanIn + fanOut) / 2;
    const variance = this.scale / Math.max(1, fan);
    const seed = this.seed ?? undefined;
    if (this.distribution === 'uniform') {
      const limit = Math.sqrt(3 * variance);
      return randomUniform(shape, { minval: -limit, maxval: limit, seed, dtype });
    }
    if (this.distribution === 'untruncated_normal')
      return randomNormal(shape, { stddev: Math.sqrt(variance), seed, dtype });
    // The stddev of a unit normal truncated to ±2: dividing by it restores the intended variance.
    return truncatedNormal(shape, { stddev: Math.sqrt(variance) / 0.8796256610342398, seed, dtype });
  }

  override getConfig(): Record<string, unknown> {
    return { scale: this.scale, mode: this.mode, distribution: this.distribution, seed: this.seed };
  }
}

function preset(className: string, scale: number, mode: FanMode, distribution: Distribution) {
  const cls = class extends VarianceScaling {
    static override className = className;
    constructor(args: SeedArgs = {}) {
      super({ scale, mode, distribution, seed: args.seed });
    }
    override getConfig(): Record<string, unknown> {
      return { seed: this.seed };
    }
  };
  return cls;
}

/** Glorot (Xavier) uniform: U(−limit, limit) with limit = √(6 / (fanIn + fanOut)); the default kernel initializer. */
export const GlorotUniform = preset('GlorotUniform', 1, 'fan_avg', 'uniform');
/** Glorot (Xavier) normal: a truncated normal of stddev √(2 / (fanIn + fanOut)). */
export const GlorotNormal = preset('GlorotNormal', 1, 'fan_avg', 'truncated_normal');
/** He uniform: U(−limit, limit) with limit = √(6 / fanIn); suits ReLU layers. */
export const HeUniform = preset('HeUniform', 2, 'fan_in', 'uniform');
/** He normal: a truncated normal of stddev √(2 / fanIn); suits ReLU layers. */
export const HeNormal = preset('HeNormal', 2, 'fan_in', 'truncated_normal');
/** LeCun uniform: U(−limit, limit) with limit = √(3 / fanIn). */
export const LecunUniform = preset('LecunUniform', 1, 'fan_in', 'uniform');
/** LeCun normal: a truncated normal of stddev √(1 / fanIn); pairs with `selu`. */
export const LecunNormal = preset('LecunNormal', 1, 'fan_in', 'truncated_normal');
