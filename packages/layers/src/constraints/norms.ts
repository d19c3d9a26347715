import { add, cast, clipByValue, div, greaterEqual, mul, sqrt, square, sum, tidy, type Tensor } from '@strata/tensor';
import { LayerError } from '../errors';
import { Constraint } from './constraint';

/** Keras's backend epsilon: keeps the norm divisions finite for zero columns. */
const EPSILON = 1e-7;

function norms(w: Tensor, axis: number | number[]): Tensor {
  return sqrt(sum(square(w), axis, true));
}

function checkAxis(cls: string, axis: unknown): number | number[] {
  const ok = (a: unknown) => Number.isInteger(a);
  if (ok(axis) || (Array.isArray(axis) && axis.every(ok))) return axis as number | number[];
  throw new LayerError(`${cls}: axis must be an integer or a list of integers, received ${JSON.stringify(axis)}`);
}

/**
 * Rescales each slice along `axis` whose norm exceeds `maxValue` down to it.
 *
 * @example
 * ```ts
 * new MaxNorm({ maxValue: 1 }).call(tensor([[3], [4]])); // the column of norm 5 scaled to norm 1: [[0.6], [0.8]]
 * ```
 */
export class MaxNorm extends Constraint {
  static override className = 'MaxNorm';
  /** The largest norm allowed. Default: 2. */
  readonly maxValue: number;
  /** The axis or axes the norm is taken over (0: each column of a Dense kernel). Default: 0. */
  readonly axis: number | number[];
  constructor(args: { maxValue?: number; axis?: number | number[] } = {}) {
    super();
    this.maxValue = args.maxValue ?? 2;
    this.axis = checkAxis('MaxNorm', args.axis ?? 0);
  }
  call(w: Tensor): Tensor {
    return tidy(() => {
      const n = norms(w, this.axis);
      return mul(w, div(clipByValue(n, 0, this.maxValue), add(n, EPSILON)));
    });
  }
  override getConfig(): Record<string, unknown> {
    return { maxValue: this.maxValue, axis: this.axis };
  }
}

/**
 * Moves each slice's norm into [minValue, maxValue] at `rate` (1 = all the way).
 *
 * @example
 * ```ts
 * const dense = new Dense({ units: 8, kernelConstraint: new MinMaxNorm({ minValue: 0.5, maxValue: 1 }) });
 * ```
 */
export class MinMaxNorm extends Constraint {
  static override className = 'MinMaxNorm';
  /** The smallest norm allowed. Default: 0. */
  readonly minValue: number;
  /** The largest norm allowed. Default: 1. */
  readonly maxValue: number;
  /** How far each step moves the norm into range (1: all the way). Default: 1. */
  readonly rate: number;
  /** The axis or axes the norm is taken over. Default: 0. */
  readonly axis: number | number[];
  constructor(args: { minValue?: number; maxValue?: number; rate?: number; axis?: number | number[] } = {}) {
    super();
    this.minValue = args.minValue ?? 0;
    this.maxValue = args.maxValue ?? 1;
    this.rate = args.rate ?? 1;
    this.axis = checkAxis('MinMaxNorm', args.axis ?? 0);
    if (this.minValue > this.maxValue)
      throw new LayerError(`MinMaxNorm: minValue (${this.minValue}) must not exceed maxValue (${this.maxValue})`);
  }
  call(w: Tensor): Tensor {
    return tidy(() => {
      const n = norms(w, this.axis);
      const desired = add(mul(clipByValue(n, this.minValue, this.maxValue), this.rate), mul(n, 1 - this.rate));
      return mul(w, div(desired, add(n, EPSILON)));
    });
  }
  override getConfig(): Record<string, unknown> {
    return { minValue: this.minValue, maxValue: this.maxValue, rate: this.rate, axis: this.axis };
  }
}

/**
 * Zeroes negative weights.
 *
 * @example
 * ```ts
 * new NonNeg().call(tensor([-1, 2])); // [0, 2]
 * ```
 */
export class NonNeg extends Constraint {
  static override className = 'NonNeg';
  call(w: Tensor): Tensor {
    return tidy(() => mul(w, cast(greaterEqual(w, 0), w.dtype)));
  }
}

/**
 * Rescales each slice along `axis` to unit norm.
 *
 * @example
 * ```ts
 * new UnitNorm().call(tensor([[3], [4]])); // [[0.6], [0.8]]
 * ```
 */
export class UnitNorm extends Constraint {
  static override className = 'UnitNorm';
  /** The axis or axes the norm is taken over. Default: 0. */
  readonly axis: number | number[];
  constructor(args: { axis?: number | number[] } = {}) {
    super();
    this.axis = checkAxis('UnitNorm', args.axis ?? 0);
  }
  call(w: Tensor): Tensor {
    return tidy(() => div(w, add(norms(w, this.axis), EPSILON)));
  }
  override getConfig(): Record<string, unknown> {
    return { axis: this.axis };
  }
}
