import { binaryDef, callBinary } from './define';
import { hasQuirk } from './quirks';
import { runAndFree } from './kernel-helpers';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

/**
 * int32 ** int32 stays int32, as NumPy. Where the backend computes it through float32 with
 * rounding error (webgpu: pow(5, 3) = 124.99 truncated to 124), the float result is rounded to the
 * nearest integer before the cast. A negative integer exponent is an error in NumPy; here it gives
 * the real power truncated toward zero (pow(2, -1) = 0), and 0 to a negative power is undefined.
 */
export const powOp = binaryDef('pow', 'Pow', {
  compose: (ctx, [a, b]) => {
    if (a.dtype !== 'int32' || !hasQuirk(ctx.backend, 'Pow', 'intViaFloat')) return ctx.run('Pow', { a, b });
    const af = ctx.run('Cast', { x: a }, { dtype: 'float32' });
    const bf = ctx.run('Cast', { x: b }, { dtype: 'float32' });
    const p = runAndFree(ctx, 'Pow', { a: af, b: bf }, [af, bf]);
    const rounded = runAndFree(ctx, 'Round', { x: p }, [p]);
    return runAndFree(ctx, 'Cast', { x: rounded }, [rounded], { dtype: 'int32' });
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
