import { isDType, type DType } from '../../dtype';
import { opError } from '../../errors';
import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { withTemps } from './args';

export const castOp = defineOp<{ dtype: DType }>({
  name: 'cast',
  infer: ([x], { dtype }) => ({ shape: x.shape, dtype }),
  kernel: (ctx, [x], { dtype }) => {
    if (dtype !== 'bool' || x.dtype === 'bool') return ctx.run('Cast', { x }, { dtype });
    // wasm's Cast copies values into the 1-byte bool buffer (2 stays 2, 0.5 becomes 0): compare instead.
    const zero = ctx.write([0], [], x.dtype);
    const out = ctx.run('NotEqual', { a: x, b: zero });
    ctx.free(zero);
    return out;
  },
});

/** Converts to `dtype`: float to int truncates toward zero, anything to bool is `x != 0`. */
export function cast(x: OpInput, dtype: DType): Tensor {
  return withTemps((temps) => {
    if (!isDType(dtype)) throw opError('cast', `dtype must be 'float32', 'int32' or 'bool', received ${JSON.stringify(dtype)}`);
    return runOp(castOp, [toTensor(x, 'cast', 'x', temps)], { dtype }, temps);
  });
}
