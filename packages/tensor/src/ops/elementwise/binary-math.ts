import { binaryDef, callBinary } from './define';
import { guardedMaxMin } from './guards';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

// int32 stays int32 (bool computes as int32); atan2 is a float function.
/** The op of {@link maximum}: its shape rule and kernel, the key of its gradient rule. */
export const maximumOp = binaryDef('maximum', 'Maximum', { compose: guardedMaxMin('Maximum') });
/** The op of {@link minimum}: its shape rule and kernel, the key of its gradient rule. */
export const minimumOp = binaryDef('minimum', 'Minimum', { compose: guardedMaxMin('Minimum') });
/** The op of {@link squaredDifference}: its shape rule and kernel, the key of its gradient rule. */
export const squaredDifferenceOp = binaryDef('squaredDifference', 'SquaredDifference');
/** The op of {@link atan2}: its shape rule and kernel, the key of its gradient rule. */
export const atan2Op = binaryDef('atan2', 'Atan2', { compute: 'float' });

/**
 * The larger of a and b elementwise, NaN if either is NaN (NumPy's maximum), with broadcasting.
 * @example
 * ```ts
 * maximum(tensor([1, 5]), tensor([3, 2])); // [3, 5]
 * ```
 */
export const maximum = (a: OpInput, b: OpInput): Tensor => callBinary(maximumOp, a, b);
/**
 * The smaller of a and b elementwise, NaN if either is NaN (NumPy's minimum), with broadcasting.
 * @example
 * ```ts
 * minimum(tensor([1, 5]), tensor([3, 2])); // [1, 2]
 * ```
 */
export const minimum = (a: OpInput, b: OpInput): Tensor => callBinary(minimumOp, a, b);
/**
 * (a - b)^2 elementwise, with NumPy broadcasting.
 * @example
 * ```ts
 * squaredDifference(tensor([1, 5]), tensor([3, 2])); // [4, 9]
 * ```
 */
export const squaredDifference = (a: OpInput, b: OpInput): Tensor => callBinary(squaredDifferenceOp, a, b);
/**
 * The angle of the point (b, a) from the x axis, in [-π, π], with NumPy broadcasting.
 * @example
 * ```ts
 * atan2(tensor([1, -1]), tensor([1, 1])); // [0.7854, -0.7854]
 * ```
 */
export const atan2 = (a: OpInput, b: OpInput): Tensor => callBinary(atan2Op, a, b);
