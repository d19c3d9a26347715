import { unaryDef, callUnary } from './define';
import { keepNaN } from './kernel-helpers';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

/**
 * sign(NaN) is NaN, as in NumPy: every TensorFlow.js backend returns 0, which would hide a NaN
 * (the gradient of abs is sign(x) * dy).
 */
export const signOp = unaryDef('sign', 'Sign', {
  compose: (s, [x]) => {
    const y = s.run('Sign', { x });
    return x.dtype === 'float32' ? keepNaN(s, x, y) : y;
  },
});

/**
 * -1, 0 or 1 by the sign of x (NaN for NaN); int32 stays int32.
 * @example
 * ```ts
 * sign(tensor([-3, 0, 2])); // [-1, 0, 1]
 * ```
 */
export const sign = (x: OpInput): Tensor => callUnary(signOp, x);
