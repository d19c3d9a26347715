import { unaryDef, callUnary } from './define';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

export const negOp = unaryDef('neg', 'Neg');
export const expOp = unaryDef('exp', 'Exp', { compute: 'float' });

export const neg = (x: OpInput): Tensor => callUnary(negOp, x);
export const exp = (x: OpInput): Tensor => callUnary(expOp, x);
