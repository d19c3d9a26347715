import { fill, type DType, type Tensor } from '@strata/tensor';
import { Initializer } from './initializer';

/**
 * All zeros.
 *
 * @example
 * ```ts
 * new Zeros().call([2, 2]); // [[0, 0], [0, 0]]
 * ```
 */
export class Zeros extends Initializer {
  static override className = 'Zeros';
  call(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    return fill(shape, 0, dtype);
  }
}

/**
 * All ones.
 *
 * @example
 * ```ts
 * new Ones().call([2]); // [1, 1]
 * ```
 */
export class Ones extends Initializer {
  static override className = 'Ones';
  call(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    return fill(shape, 1, dtype);
  }
}

/**
 * Every element set to `value`.
 *
 * @example
 * ```ts
 * new Constant({ value: 0.1 }).call([3]); // [0.1, 0.1, 0.1]
 * ```
 */
export class Constant extends Initializer {
  static override className = 'Constant';
  /** The value of every element. Default: 0. */
  readonly value: number;
  constructor(args: { value?: number } = {}) {
    super();
    this.value = args.value ?? 0;
  }
  call(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    return fill(shape, this.value, dtype);
  }
  override getConfig(): Record<string, unknown> {
    return { value: this.value };
  }
}
