import { unaryDef, callUnary, type ComposeFn } from './define';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

/** Integers are already whole: no kernel runs on them (wasm's Floor and Ceil corrupt int32 data). */
function wholeNumbersUnchanged(kernelName: string): ComposeFn {
  return (s, [x]) => (x.dtype === 'float32' ? s.run(kernelName, { x }) : x);
}

export const floorOp = unaryDef('floor', 'Floor', { compose: wholeNumbersUnchanged('Floor') });
export const ceilOp = unaryDef('ceil', 'Ceil', { compose: wholeNumbersUnchanged('Ceil') });
export const roundOp = unaryDef('round', 'Round', { compose: wholeNumbersUnchanged('Round') });

/** The largest whole number <= x (int32 stays int32, bool becomes int32). */
export const floor = (x: OpInput): Tensor => callUnary(floorOp, x);
/** The smallest whole number >= x. */
export const ceil = (x: OpInput): Tensor => callUnary(ceilOp, x);
/** The nearest whole number, halves to even (round(2.5) = 2, round(-0.5) = -0), as NumPy. */
export const round = (x: OpInput): Tensor => callUnary(roundOp, x);
