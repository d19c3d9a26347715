import { abs, add, mul, square, sum, scalar, tidy, type Tensor } from '@strata/tensor';
import { LayerError } from '../errors';
import { Regularizer } from './regularizer';

function factor(cls: string, name: string, v: unknown, fallback: number): number {
  const x = v ?? fallback;
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
    throw new LayerError(`${cls}: ${name} must be a non-negative number, received ${JSON.stringify(v)}`);
  return x;
}

/**
 * `l1 * sum(|x|)`
 *
 * @example
 * ```ts
 * new L1({ l1: 0.1 }).call(tensor([1, -2])); // 0.3
 * ```
 */
export class L1 extends Regularizer {
  static override className = 'L1';
  /** The L1 factor. Default: 0.01. */
  readonly l1: number;
  constructor(args: { l1?: number } = {}) {
    super();
    this.l1 = factor('L1', 'l1', args.l1, 0.01);
  }
  call(x: Tensor): Tensor {
    return tidy(() => mul(sum(abs(x)), this.l1));
  }
  override getConfig(): Record<string, unknown> {
    return { l1: this.l1 };
  }
}

/**
 * `l2 * sum(x²)` (Keras has no ½).
 *
 * @example
 * ```ts
 * new L2({ l2: 0.1 }).call(tensor([1, -2])); // 0.5
 * ```
 */
export class L2 extends Regularizer {
  static override className = 'L2';
  /** The L2 factor. Default: 0.01. */
  readonly l2: number;
  constructor(args: { l2?: number } = {}) {
    super();
    this.l2 = factor('L2', 'l2', args.l2, 0.01);
  }
  call(x: Tensor): Tensor {
    return tidy(() => mul(sum(square(x)), this.l2));
  }
  override getConfig(): Record<string, unknown> {
    return { l2: this.l2 };
  }
}

/**
 * `l1 * sum(|x|) + l2 * sum(x²)`
 *
 * @example
 * ```ts
 * new L1L2({ l1: 0.1, l2: 0.1 }).call(tensor([1, -2])); // 0.8
 * ```
 */
export class L1L2 extends Regularizer {
  static override className = 'L1L2';
  /** The L1 factor. Default: 0. */
  readonly l1: number;
  /** The L2 factor. Default: 0. */
  readonly l2: number;
  constructor(args: { l1?: number; l2?: number } = {}) {
    super();
    this.l1 = factor('L1L2', 'l1', args.l1, 0);
    this.l2 = factor('L1L2', 'l2', args.l2, 0);
  }
  call(x: Tensor): Tensor {
    return tidy(() => {
      let penalty: Tensor = scalar(0);
      if (this.l1) penalty = add(penalty, mul(sum(abs(x)), this.l1));
      if (this.l2) penalty = add(penalty, mul(sum(square(x)), this.l2));
      return penalty;
    });
  }
  override getConfig(): Record<string, unknown> {
    return { l1: this.l1, l2: this.l2 };
  }
}
