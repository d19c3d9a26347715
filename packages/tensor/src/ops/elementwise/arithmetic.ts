import { binaryDef, callBinary } from './define';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

/** The op of {@link add}: its shape rule and kernel, the key of its gradient rule. */
export const addOp = binaryDef('add', 'Add');
/** The op of {@link sub}: its shape rule and kernel, the key of its gradient rule. */
export const subOp = binaryDef('sub', 'Sub');
/** The op of {@link mul}: its shape rule and kernel, the key of its gradient rule. */
export const mulOp = binaryDef('mul', 'Multiply');
/** Division is true division: integers are divided as floats, as NumPy's `/`. */
export const divOp = binaryDef('div', 'RealDiv', { compute: 'float' });

/**
 * a + b, with NumPy broadcasting.
 * @example
 * ```ts
 * add(tensor([1, 2]), tensor([10, 20])); // [11, 22]
 * ```
 */
export const add = (a: OpInput, b: OpInput): Tensor => callBinary(addOp, a, b);
/**
 * a - b, with NumPy broadcasting.
 * @example
 * ```ts
 * sub(tensor([5, 7]), 2); // [3, 5]
 * ```
 */
export const sub = (a: OpInput, b: OpInput): Tensor => callBinary(subOp, a, b);
/**
 * a * b, with NumPy broadcasting.
 * @example
 * ```ts
 * mul(tensor([[1, 2], [3, 4]]), tensor([10, 100])); // [[10, 200], [30, 400]]
 * ```
 */
export const mul = (a: OpInput, b: OpInput): Tensor => callBinary(mulOp, a, b);
/**
 * a / b as floats, with NumPy broadcasting.
 * @example
 * ```ts
 * div(tensor([1, 3], [2], 'int32'), 2); // [0.5, 1.5]
 * ```
 */
export const div = (a: OpInput, b: OpInput): Tensor => callBinary(divOp, a, b);
