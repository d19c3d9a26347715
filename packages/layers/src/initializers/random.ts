import { randomNormal, randomUniform, truncatedNormal, type DType, type Seed, type Tensor } from '@strata/tensor';
import { Initializer } from './initializer';

/** Seeded initializers give the same values at every call and on every backend (as Keras 3). */
export interface SeedArgs {
  /** The seed: the same seed gives the same values at every call and on every backend. Default: null (unseeded). */
  seed?: Seed | null;
}

/**
 * Values from a normal distribution of `mean` and `stddev`.
 *
 * @example
 * ```ts
 * const dense = new Dense({ units: 8, kernelInitializer: new RandomNormal({ stddev: 0.01, seed: 1 }) });
 * ```
 */
export class RandomNormal extends Initializer {
  static override className = 'RandomNormal';
  /** The mean of the distribution. Default: 0. */
  readonly mean: number;
  /** The standard deviation of the distribution. Default: 0.05. */
  readonly stddev: number;
  /** The seed, or null for fresh values at each call. */
  readonly seed: Seed | null;
  constructor(args: { mean?: number; stddev?: number } & SeedArgs = {}) {
    super();
    this.mean = args.mean ?? 0;
    this.stddev = args.stddev ?? 0.05;
    this.seed = args.seed ?? null;
  }
  call(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    return randomNormal(shape, { mean: this.mean, stddev: this.stddev, seed: this.seed ?? undefined, dtype });
  }
  override getConfig(): Record<string, unknown> {
    return { mean: this.mean, stddev: this.stddev, seed: this.seed };
  }
}

/**
 * Normal values redrawn beyond two standard deviations.
 *
 * @example
 * ```ts
 * const dense = new Dense({ units: 8, kernelInitializer: new TruncatedNormal({ stddev: 0.02, seed: 1 }) });
 * ```
 */
export class TruncatedNormal extends RandomNormal {
  static override className = 'TruncatedNormal';
  override call(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    return truncatedNormal(shape, { mean: this.mean, stddev: this.stddev, seed: this.seed ?? undefined, dtype });
  }
}

/**
 * Values drawn uniformly from [minval, maxval).
 *
 * @example
 * ```ts
 * new RandomUniform({ minval: -1, maxval: 1, seed: 3 }).call([2, 2]); // values in [-1, 1)
 * ```
 */
export class RandomUniform extends Initializer {
  static override className = 'RandomUniform';
  /** The lower bound (inclusive). Default: −0.05. */
  readonly minval: number;
  /** The upper bound (exclusive). Default: 0.05. */
  readonly maxval: number;
  /** The seed, or null for fresh values at each call. */
  readonly seed: Seed | null;
  constructor(args: { minval?: number; maxval?: number } & SeedArgs = {}) {
    super();
    this.minval = args.minval ?? -0.05;
    this.maxval = args.maxval ?? 0.05;
    this.seed = args.seed ?? null;
  }
  call(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    return randomUniform(shape, { minval: this.minval, maxval: this.maxval, seed: this.seed ?? undefined, dtype });
  }
  override getConfig(): Record<string, unknown> {
    return { minval: this.minval, maxval: this.maxval, seed: this.seed };
  }
}
