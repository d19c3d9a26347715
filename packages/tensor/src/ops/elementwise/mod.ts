import { binaryDef, callBinary } from './define';
import { guardedIntDivision } from './guards';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

/**
 * The remainder with the sign of the divisor (mod(-7, 2) = 1, mod(7, -2) = -1), as NumPy's `%`
 * and tfjs. A zero divisor gives NaN for floats and 0 for integers, as NumPy.
 */
export const modOp = binaryDef('mod', 'Mod', { compose: guardedIntDivision('Mod') });

/**
 * a mod b elementwise, with the sign of b, with NumPy broadcasting.
 * @example
 * ```ts
 * mod(tensor([5, -5]), 3); // [2, 1]
 * ```
 */
export const mod = (a: OpInput, b: OpInput): Tensor => callBinary(modOp, a, b);
