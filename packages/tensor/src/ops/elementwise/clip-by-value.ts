import { opError } from '../../errors';
import { defineOp, runOp } from '../../op';
import { composed, type Scratch } from '../../kernels/scratch';
import { toTensor, type OpInput } from '../../convert';
import type { DType } from '../../dtype';
import type { Tensor } from '../../tensor';
import type { TensorInfo } from '../../backend';
import { computeDtype } from './define';
import { guardedUnary } from './guards';
import { keepNaN } from './kernel-helpers';

/** The attributes of {@link clipByValue}. */
export interface ClipAttrs {
  /** The lower bound. */
  clipValueMin: number;
  /** The upper bound. */
  clipValueMax: number;
}

/** Integers stay int32 unless a finite bound is fractional (a weak scalar, as in add). */
function clipDtype(dtype: DType, { clipValueMin, clipValueMax }: ClipAttrs): DType {
  const numeric = computeDtype(dtype, 'numeric');
  const fractional = [clipValueMin, clipValueMax].some((v) => Number.isFinite(v) && !Number.isInteger(v));
  return numeric === 'int32' && fractional ? 'float32' : numeric;
}

const clipFloat = guardedUnary('ClipByValue');
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** wasm's ClipByValue reads int32 data as floats: ints clamp with Maximum and Minimum instead. */
function clipInt(s: Scratch, x: TensorInfo, { clipValueMin, clipValueMax }: ClipAttrs): TensorInfo {
  let out = x;
  for (const [bound, kernelName] of [
    [clipValueMin, 'Maximum'],
    [clipValueMax, 'Minimum'],
  ] as const) {
    // A bound at or beyond the int32 range clips nothing (and would not survive the trip through float32).
    if (bound <= INT32_MIN || bound >= INT32_MAX) continue;
    out = s.run(kernelName, { a: out, b: s.scalar(bound, 'int32') });
  }
  return out;
}

/** min == max: every element becomes that value (NaN stays NaN); wasm's clamp rejects an empty range. */
function clipToOneValue(s: Scratch, x: TensorInfo, value: number): TensorInfo {
  const fitted = x.dtype === 'int32' ? Math.min(Math.max(value, INT32_MIN), INT32_MAX) : value;
  const filled = s.run('Fill', {}, { shape: x.shape, value: fitted, dtype: x.dtype });
  return x.dtype === 'float32' ? keepNaN(s, x, filled) : filled;
}

/** The op of {@link clipByValue}: its shape rule and kernel, the key of its gradient rule. */
export const clipByValueOp = defineOp<ClipAttrs>({
  name: 'clipByValue',
  infer: ([x], attrs) => ({ shape: x.shape, dtype: clipDtype(x.dtype, attrs) }),
  kernel: (ctx, [x], attrs, [out]) =>
    composed(ctx, (s) => {
      const cast = s.cast(x, out.dtype);
      if (attrs.clipValueMin === attrs.clipValueMax) return clipToOneValue(s, cast, attrs.clipValueMin);
      return out.dtype === 'int32' ? clipInt(s, cast, attrs) : clipFloat(s, [cast], { ...attrs });
    }),
});

/**
 * Clamps x to [min, max] elementwise (NaN stays NaN); either bound may be ±Infinity.
 * @example
 * ```ts
 * clipByValue(tensor([-2, 0.5, 3]), 0, 1); // [0, 0.5, 1]
 * ```
 */
export function clipByValue(x: OpInput, min: number, max: number): Tensor {
  for (const [name, v] of [
    ['min', min],
    ['max', max],
  ] as const) {
    if (typeof v !== 'number' || Number.isNaN(v)) {
      throw opError('clipByValue', `${name} must be a number, received ${typeof v === 'number' ? v : typeof v}`);
    }
  }
  if (min > max) throw opError('clipByValue', `min must be <= max, received min=${min}, max=${max}`);
  const temps: Tensor[] = [];
  const t = toTensor(x, 'clipByValue', 'x', temps);
  return runOp(clipByValueOp, [t], { clipValueMin: min, clipValueMax: max }, temps);
}
