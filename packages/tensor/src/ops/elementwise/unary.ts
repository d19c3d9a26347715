import { unaryDef, callUnary } from './define';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

// Sign-and-magnitude ops keep int32 (bool computes as int32); the rest are float functions, which
// compute ints and bools as float32 (TensorFlow.js mostly keeps int32 and truncates: sqrt(int 3) = 1).
/** The op of {@link neg}: its shape rule and kernel, the key of its gradient rule. */
export const negOp = unaryDef('neg', 'Neg');
/** The op of {@link abs}: its shape rule and kernel, the key of its gradient rule. */
export const absOp = unaryDef('abs', 'Abs');
/** The op of {@link square}: its shape rule and kernel, the key of its gradient rule. */
export const squareOp = unaryDef('square', 'Square');
/** Float even for ints: NumPy's integer reciprocal (1/2 = 0) is never what a model wants. */
export const reciprocalOp = unaryDef('reciprocal', 'Reciprocal', { compute: 'float' });
/** The op of {@link exp}: its shape rule and kernel, the key of its gradient rule. */
export const expOp = unaryDef('exp', 'Exp', { compute: 'float' });
/** The op of {@link expm1}: its shape rule and kernel, the key of its gradient rule. */
export const expm1Op = unaryDef('expm1', 'Expm1', { compute: 'float' });
/** The op of {@link log}: its shape rule and kernel, the key of its gradient rule. */
export const logOp = unaryDef('log', 'Log', { compute: 'float' });
/** The op of {@link sqrt}: its shape rule and kernel, the key of its gradient rule. */
export const sqrtOp = unaryDef('sqrt', 'Sqrt', { compute: 'float' });
/** The op of {@link rsqrt}: its shape rule and kernel, the key of its gradient rule. */
export const rsqrtOp = unaryDef('rsqrt', 'Rsqrt', { compute: 'float' });
/** The op of {@link erf}: its shape rule and kernel, the key of its gradient rule. */
export const erfOp = unaryDef('erf', 'Erf', { compute: 'float' });

/**
 * -x (int32 stays int32 and wraps at -2^31, as NumPy).
 * @example
 * ```ts
 * neg(tensor([1, -2])); // [-1, 2]
 * ```
 */
export const neg = (x: OpInput): Tensor => callUnary(negOp, x);
/**
 * |x|.
 * @example
 * ```ts
 * abs(tensor([-1.5, 2])); // [1.5, 2]
 * ```
 */
export const abs = (x: OpInput): Tensor => callUnary(absOp, x);
/**
 * x * x.
 * @example
 * ```ts
 * square(tensor([-3, 2])); // [9, 4]
 * ```
 */
export const square = (x: OpInput): Tensor => callUnary(squareOp, x);
/**
 * 1 / x, as float32.
 * @example
 * ```ts
 * reciprocal(tensor([2, 4])); // [0.5, 0.25]
 * ```
 */
export const reciprocal = (x: OpInput): Tensor => callUnary(reciprocalOp, x);
/**
 * e^x.
 * @example
 * ```ts
 * exp(tensor([0, 1])); // [1, 2.718]
 * ```
 */
export const exp = (x: OpInput): Tensor => callUnary(expOp, x);
/**
 * e^x - 1, accurate near 0.
 * @example
 * ```ts
 * expm1(tensor([0, 1e-7])); // [0, 1e-7]
 * ```
 */
export const expm1 = (x: OpInput): Tensor => callUnary(expm1Op, x);
/**
 * Natural logarithm (NaN below 0, -Infinity at 0).
 * @example
 * ```ts
 * log(tensor([1, Math.E])); // [0, 1]
 * ```
 */
export const log = (x: OpInput): Tensor => callUnary(logOp, x);
/**
 * Square root (NaN below 0).
 * @example
 * ```ts
 * sqrt(tensor([4, 9])); // [2, 3]
 * ```
 */
export const sqrt = (x: OpInput): Tensor => callUnary(sqrtOp, x);
/**
 * 1 / sqrt(x).
 * @example
 * ```ts
 * rsqrt(tensor([4, 16])); // [0.5, 0.25]
 * ```
 */
export const rsqrt = (x: OpInput): Tensor => callUnary(rsqrtOp, x);
/**
 * The Gauss error function.
 * @example
 * ```ts
 * erf(tensor([0, 1])); // [0, 0.8427]
 * ```
 */
export const erf = (x: OpInput): Tensor => callUnary(erfOp, x);
