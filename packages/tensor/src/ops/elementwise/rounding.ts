import { unaryDef, callUnary, type ComposeFn } from './define';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

/** Integers are already whole: no kernel runs on them (wasm's Floor and Ceil corrupt int32 data). */
function wholeNumbersUnchanged(kernelName: string): ComposeFn {
  return (s, [x]) => (x.dtype === 'float32' ? s.run(kernelName, { x }) : x);
}

/** The op of {@link floor}: its shape rule and kernel, the key of its gradient rule. */
export const floorOp = unaryDef('floor', 'Floor', { compose: wholeNumbersUnchanged('Floor') });
/** The op of {@link ceil}: its shape rule and kernel, the key of its gradient rule. */
export const ceilOp = unaryDef('ceil', 'Ceil', { compose: wholeNumbersUnchanged('Ceil') });
/** The op of {@link round}: its shape rule and kernel, the key of its gradient rule. */
export const roundOp = unaryDef('round', 'Round', { compose: wholeNumbersUnchanged('Round') });

/**
 * The largest whole number <= x (int32 stays int32, bool becomes int32).
 * @example
 * ```ts
 * floor(tensor([1.5, -1.5])); // [1, -2]
 * ```
 */
export const floor = (x: OpInput): Tensor => callUnary(floorOp, x);
/**
 * The smallest whole number >= x.
 * @example
 * ```ts
 * ceil(tensor([1.5, -1.5])); // [2, -1]
 * ```
 */
export const ceil = (x: OpInput): Tensor => callUnary(ceilOp, x);
/**
 * The nearest whole number, halves to even (round(2.5) = 2, round(-0.5) = -0), as NumPy.
 * @example
 * ```ts
 * round(tensor([0.5, 1.5, 2.6])); // [0, 2, 3]
 * ```
 */
export const round = (x: OpInput): Tensor => callUnary(roundOp, x);
