import { binaryDef, callBinary } from './define';
import { hasQuirk } from './quirks';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

/**
 * int32 ** int32 stays int32, as NumPy. Where the backend computes it through float32 with
 * rounding error (webgpu: pow(5, 3) = 124.99 truncated to 124), the float result is rounded to the
 * nearest integer before the cast. A negative integer exponent is an error in NumPy; here it gives
 * the real power truncated toward zero (pow(2, -1) = 0), and 0 to a negative power is undefined.
 */
export const powOp = binaryDef('pow', 'Pow', {
  compose: (s, [a, b]) => {
    if (a.dtype !== 'int32' || !hasQuirk(s.backend, 'Pow', 'intViaFloat')) return s.run('Pow', { a, b });
    const p = s.run('Pow', { a: s.float(a), b: s.float(b) });
    return s.cast(s.run('Round', { x: p }), 'int32');
  },
});

/**
 * a to the power b elementwise, with NumPy broadcasting (pow(x, 0) = 1, even for NaN).
 * @example
 * ```ts
 * pow(tensor([2, 3]), 2); // [4, 9]
 * ```
 */
export const pow = (a: OpInput, b: OpInput): Tensor => callBinary(powOp, a, b);
