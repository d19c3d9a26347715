import { unaryDef, callUnary } from './define';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

// Ints and bools are checked as float32 (all finite): wasm's kernels read int32 data as floats.
/** The op of {@link isNaN}: its shape rule and kernel, the key of its gradient rule. */
export const isNaNOp = unaryDef('isNaN', 'IsNan', { compute: 'float', result: 'bool' });
/** The op of {@link isFinite}: its shape rule and kernel, the key of its gradient rule. */
export const isFiniteOp = unaryDef('isFinite', 'IsFinite', { compute: 'float', result: 'bool' });
/** The op of {@link isInf}: its shape rule and kernel, the key of its gradient rule. */
export const isInfOp = unaryDef('isInf', 'IsInf', { compute: 'float', result: 'bool' });

/**
 * True where x is NaN.
 * @example
 * ```ts
 * isNaN(tensor([1, NaN])); // [0, 1] (bool)
 * ```
 */
export const isNaN = (x: OpInput): Tensor => callUnary(isNaNOp, x);
/**
 * True where x is neither NaN nor ±Infinity.
 * @example
 * ```ts
 * isFinite(tensor([1, Infinity, NaN])); // [1, 0, 0] (bool)
 * ```
 */
export const isFinite = (x: OpInput): Tensor => callUnary(isFiniteOp, x);
/**
 * True where x is +Infinity or -Infinity.
 * @example
 * ```ts
 * isInf(tensor([1, -Infinity])); // [0, 1] (bool)
 * ```
 */
export const isInf = (x: OpInput): Tensor => callUnary(isInfOp, x);
