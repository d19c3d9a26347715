import type { ComposeFn } from './define';
import { hasQuirk } from './quirks';
import { keepNaN, keepNonFinite, runAndFree, scalarInfo } from './kernel-helpers';

/**
 * One unary kernel call, corrected where the backend gets special values wrong (quirks.ts).
 * `keep` says which inputs the op maps to themselves: 'nan' for every float function, 'nonFinite'
 * for odd functions that grow without bound (asinh, sinh: f(±Infinity) = ±Infinity).
 */
export function guardedUnary(kernelName: string, keep: 'nan' | 'nonFinite' = 'nan'): ComposeFn {
  return (ctx, [x], attrs) => {
    const y = ctx.run(kernelName, { x }, attrs as never);
    if (x.dtype !== 'float32' || !hasQuirk(ctx.backend, kernelName, 'specialValues')) return y;
    return keep === 'nan' ? keepNaN(ctx, x, y) : keepNonFinite(ctx, x, y);
  };
}

/**
 * Maximum or Minimum that propagates NaN from either side, as NumPy's maximum/minimum do: wasm's
 * kernel keeps only its first argument's NaN, so where either input is NaN the result is filled.
 */
export function guardedMaxMin(kernelName: 'Maximum' | 'Minimum'): ComposeFn {
  return (ctx, [a, b]) => {
    const m = ctx.run(kernelName, { a, b });
    if (m.dtype !== 'float32' || !hasQuirk(ctx.backend, kernelName, 'specialValues')) return m;
    const nanA = ctx.run('IsNan', { x: a });
    const nanB = ctx.run('IsNan', { x: b });
    const eitherNaN = runAndFree(ctx, 'LogicalOr', { a: nanA, b: nanB }, [nanA, nanB]);
    const nans = ctx.run('Fill', {}, { shape: m.shape, value: NaN, dtype: 'float32' });
    return runAndFree(ctx, 'Select', { condition: eitherNaN, t: nans, e: m }, [eitherNaN, nans, m]);
  };
}

/**
 * Integer FloorDiv or Mod whose result is 0 where the divisor is 0 (NumPy's answer, and tfjs cpu's),
 * without any kernel seeing a zero divisor: wasm's Mod traps on one.
 */
export function guardedIntDivision(kernelName: 'FloorDiv' | 'Mod'): ComposeFn {
  return (ctx, [a, b]) => {
    if (b.dtype !== 'int32' || !hasQuirk(ctx.backend, kernelName, 'intDivByZero')) return ctx.run(kernelName, { a, b });
    const zero = scalarInfo(ctx, 0, 'int32');
    const one = scalarInfo(ctx, 1, 'int32');
    const isZero = runAndFree(ctx, 'Equal', { a: b, b: zero }, [zero]);
    const zeroAsOne = runAndFree(ctx, 'Cast', { x: isZero }, [isZero], { dtype: 'int32' });
    const safeB = ctx.run('Add', { a: b, b: zeroAsOne });
    const q = runAndFree(ctx, kernelName, { a, b: safeB }, [safeB]);
    const keep = runAndFree(ctx, 'Sub', { a: one, b: zeroAsOne }, [one, zeroAsOne]);
    return runAndFree(ctx, 'Multiply', { a: q, b: keep }, [q, keep]);
  };
}
