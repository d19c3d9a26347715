import { binaryDef, callBinary } from './define';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

// Comparisons return bool. Inputs are promoted first (int32 vs float32 compares as float32);
// ordering compares bools as int32 (false < true), equality compares them as they are.
/** The op of {@link equal}: its shape rule and kernel, the key of its gradient rule. */
export const equalOp = binaryDef('equal', 'Equal', { compute: 'any', result: 'bool' });
/** The op of {@link notEqual}: its shape rule and kernel, the key of its gradient rule. */
export const notEqualOp = binaryDef('notEqual', 'NotEqual', { compute: 'any', result: 'bool' });
/** The op of {@link less}: its shape rule and kernel, the key of its gradient rule. */
export const lessOp = binaryDef('less', 'Less', { result: 'bool' });
/** The op of {@link lessEqual}: its shape rule and kernel, the key of its gradient rule. */
export const lessEqualOp = binaryDef('lessEqual', 'LessEqual', { result: 'bool' });
/** The op of {@link greater}: its shape rule and kernel, the key of its gradient rule. */
export const greaterOp = binaryDef('greater', 'Greater', { result: 'bool' });
/** The op of {@link greaterEqual}: its shape rule and kernel, the key of its gradient rule. */
export const greaterEqualOp = binaryDef('greaterEqual', 'GreaterEqual', { result: 'bool' });

/**
 * a == b elementwise (NaN equals nothing), with NumPy broadcasting.
 * @example
 * ```ts
 * equal(tensor([1, 2]), tensor([1, 3])); // [1, 0] (bool)
 * ```
 */
export const equal = (a: OpInput, b: OpInput): Tensor => callBinary(equalOp, a, b);
/**
 * a != b elementwise (NaN differs from everything), with NumPy broadcasting.
 * @example
 * ```ts
 * notEqual(tensor([1, 2]), tensor([1, 3])); // [0, 1] (bool)
 * ```
 */
export const notEqual = (a: OpInput, b: OpInput): Tensor => callBinary(notEqualOp, a, b);
/**
 * a < b elementwise, with NumPy broadcasting.
 * @example
 * ```ts
 * less(tensor([1, 3]), 2); // [1, 0] (bool)
 * ```
 */
export const less = (a: OpInput, b: OpInput): Tensor => callBinary(lessOp, a, b);
/**
 * a <= b elementwise, with NumPy broadcasting.
 * @example
 * ```ts
 * lessEqual(tensor([1, 2]), 2); // [1, 1] (bool)
 * ```
 */
export const lessEqual = (a: OpInput, b: OpInput): Tensor => callBinary(lessEqualOp, a, b);
/**
 * a > b elementwise, with NumPy broadcasting.
 * @example
 * ```ts
 * greater(tensor([1, 3]), 2); // [0, 1] (bool)
 * ```
 */
export const greater = (a: OpInput, b: OpInput): Tensor => callBinary(greaterOp, a, b);
/**
 * a >= b elementwise, with NumPy broadcasting.
 * @example
 * ```ts
 * greaterEqual(tensor([1, 2]), 2); // [0, 1] (bool)
 * ```
 */
export const greaterEqual = (a: OpInput, b: OpInput): Tensor => callBinary(greaterEqualOp, a, b);
