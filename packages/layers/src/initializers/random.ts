import { randomNormal, randomUniform, truncatedNormal, type DType, type Seed, type Tensor } from '@strata/tensor';
import { Initializer } from './initializer';

/** Seeded initializers give the same values at every call and on every backend (as Keras 3). */
export interface SeedArgs {
  seed?: Seed | null;
}

export class RandomNormal extends Initializer {
  static override className = 'RandomNormal';
  readonly mean: number;
  readonly stddev: number;
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
  override getConfig() {
    return { mean: this.mean, stddev: this.stddev, seed: this.seed };
  }
}

/** Normal values redrawn beyond two standard deviations. */
export class TruncatedNormal extends RandomNormal {
  static override className = 'TruncatedNormal';
  override call(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    return truncatedNormal(shape, { mean: this.mean, stddev: this.stddev, seed: this.seed ?? undefined, dtype });
  }
}

export class RandomUniform extends Initializer {
  static override className = 'RandomUniform';
  readonly minval: number;
  readonly maxval: number;
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
  override getConfig() {
    return { minval: this.minval, maxval: this.maxval, seed: this.seed };
  }
}
