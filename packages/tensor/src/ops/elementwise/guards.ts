import type { ComposeFn } from './define';
import { hasQuirk } from './quirks';
import { keepNaN, keepNonFinite } from './kernel-helpers';

/**
 * One unary kernel call, corrected where the backend gets special values wrong (quirks.ts).
 * `keep` says which inputs the op maps to themselves: 'nan' for every float function, 'nonFinite'
 * for odd functions that grow without bound (asinh, sinh: f(±Infinity) = ±Infinity).
 */
export function guardedUnary(kernelName: string, keep: 'nan' | 'nonFinite' = 'nan'): ComposeFn {
  return (s, [x], attrs) => {
    const y = s.run(kernelName, { x }, attrs as never);
    if (x.dtype !== 'float32' || !hasQuirk(s.backend, kernelName, 'specialValues')) return y;
    return keep === 'nan' ? keepNaN(s, x, y) : keepNonFinite(s, x, y);
  };
}

/**
 * Maximum or Minimum that propagates NaN from either side, as NumPy's maximum/minimum do: wasm's
 * kernel keeps only its first argument's NaN, so where either input is NaN the result is filled.
 */
export function guardedMaxMin(kernelName: 'Maximum' | 'Minimum'): ComposeFn {
  return (s, [a, b]) => {
    const m = s.run(kernelName, { a, b });
    if (m.dtype !== 'float32' || !hasQuirk(s.backend, kernelName, 'specialValues')) return m;
    const eitherNaN = s.run('LogicalOr', { a: s.run('IsNan', { x: a }), b: s.run('IsNan', { x: b }) });
    const nans = s.run('Fill', {}, { shape: m.shape, value: NaN, dtype: 'float32' });
    return s.run('Select', { condition: eitherNaN, t: nans, e: m });
  };
}

/**
 * Integer FloorDiv or Mod whose result is 0 where the divisor is 0 (NumPy's answer, and tfjs cpu's),
 * without any kernel seeing a zero divisor: wasm's Mod traps on one.
 */
export function guardedIntDivision(kernelName: 'FloorDiv' | 'Mod'): ComposeFn {
  return (s, [a, b]) => {
    if (b.dtype !== 'int32' || !hasQuirk(s.backend, kernelName, 'intDivByZero')) return s.run(kernelName, { a, b });
    const zeroAsOne = s.cast(s.run('Equal', { a: b, b: s.scalar(0, 'int32') }), 'int32');
    const q = s.run(kernelName, { a, b: s.run('Add', { a: b, b: zeroAsOne }) });
    const keep = s.run('Sub', { a: s.scalar(1, 'int32'), b: zeroAsOne });
    return s.run('Multiply', { a: q, b: keep });
  };
}
