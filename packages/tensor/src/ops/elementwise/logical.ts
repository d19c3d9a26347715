import { unaryDef, binaryDef, callUnary, callBinary } from './define';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

// Bool inputs only, as TensorFlow's logical ops: a number has no agreed truth (tfjs casts, NumPy
// tests != 0), so the error asks for an explicit comparison or cast.
/** The op of {@link logicalNot}: its shape rule and kernel, the key of its gradient rule. */
export const logicalNotOp = unaryDef('logicalNot', 'LogicalNot', { compute: 'bool' });
/** The op of {@link logicalAnd}: its shape rule and kernel, the key of its gradient rule. */
export const logicalAndOp = binaryDef('logicalAnd', 'LogicalAnd', { compute: 'bool' });
/** The op of {@link logicalOr}: its shape rule and kernel, the key of its gradient rule. */
export const logicalOrOp = binaryDef('logicalOr', 'LogicalOr', { compute: 'bool' });
/** Only wasm has a LogicalXor kernel; on bools, xor is inequality. */
export const logicalXorOp = binaryDef('logicalXor', 'LogicalXor', {
  compute: 'bool',
  compose: (s, [a, b]) => s.run(s.backend.hasKernel('LogicalXor') ? 'LogicalXor' : 'NotEqual', { a, b }),
});

/**
 * NOT x, for bool x.
 * @example
 * ```ts
 * logicalNot(tensor([true, false])); // [0, 1] (bool)
 * ```
 */
export const logicalNot = (x: OpInput): Tensor => callUnary(logicalNotOp, x);
/**
 * a AND b, for bools, with NumPy broadcasting.
 * @example
 * ```ts
 * logicalAnd(tensor([true, true]), tensor([true, false])); // [1, 0] (bool)
 * ```
 */
export const logicalAnd = (a: OpInput, b: OpInput): Tensor => callBinary(logicalAndOp, a, b);
/**
 * a OR b, for bools, with NumPy broadcasting.
 * @example
 * ```ts
 * logicalOr(tensor([false, false]), tensor([true, false])); // [1, 0] (bool)
 * ```
 */
export const logicalOr = (a: OpInput, b: OpInput): Tensor => callBinary(logicalOrOp, a, b);
/**
 * a XOR b, for bools, with NumPy broadcasting.
 * @example
 * ```ts
 * logicalXor(tensor([true, true]), tensor([true, false])); // [0, 1] (bool)
 * ```
 */
export const logicalXor = (a: OpInput, b: OpInput): Tensor => callBinary(logicalXorOp, a, b);
