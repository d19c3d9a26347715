import { binaryDef, callBinary } from './define';
import { guardedIntDivision } from './guards';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

const intFloorDiv = guardedIntDivision('FloorDiv');

/**
 * floor(a / b). Floats stay float32, computed as Floor(RealDiv): tfjs's FloorDiv kernel returns
 * int32 for float inputs on cpu and webgpu. Like tfjs (and unlike NumPy's fmod-based answer, which
 * gives 1 // 0.1 = 9) the quotient is rounded before the floor. Integers floor toward -Infinity
 * (-7 // 2 = -4) and give 0 for a zero divisor, as NumPy.
 */
export const floorDivOp = binaryDef('floorDiv', 'FloorDiv', {
  compose: (s, inputs, attrs) => {
    const [a, b] = inputs;
    if (a.dtype === 'int32') return intFloorDiv(s, inputs, attrs);
    return s.run('Floor', { x: s.run('RealDiv', { a, b }) });
  },
});

/**
 * floor(a / b) elementwise, with NumPy broadcasting; int32 stays int32.
 * @example
 * ```ts
 * floorDiv(tensor([7, -7]), 2); // [3, -4]
 * ```
 */
export const floorDiv = (a: OpInput, b: OpInput): Tensor => callBinary(floorDivOp, a, b);
