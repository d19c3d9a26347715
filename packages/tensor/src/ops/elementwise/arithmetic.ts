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

/** a + b, with NumPy broadcasting. */
export const add = (a: OpInput, b: OpInput): Tensor => callBinary(addOp, a, b);
/** a - b, with NumPy broadcasting. */
export const sub = (a: OpInput, b: OpInput): Tensor => callBinary(subOp, a, b);
/** a * b, with NumPy broadcasting. */
export const mul = (a: OpInput, b: OpInput): Tensor => callBinary(mulOp, a, b);
/** a / b as floats, with NumPy broadcasting. */
export const div = (a: OpInput, b: OpInput): Tensor => callBinary(divOp, a, b);
