import { opError, fmtShape } from '../../errors';
import { defineOp, runOpMulti } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import { normalizeAxis } from '../../shape';
import type { Tensor } from '../../tensor';
import { withTemps } from './args';

export const unstackOp = defineOp<{ axis: number }>({
  name: 'unstack',
  infer: ([x], { axis }) => {
    if (x.shape.length === 0) throw opError('unstack', 'x must have rank 1 or more, received a scalar');
    const n = x.shape[axis];
    if (n === null) throw opError('unstack', `axis ${axis} of x (shape ${fmtShape(x.shape)}) has unknown size, so the number of outputs is unknown`);
    const shape = x.shape.filter((_, i) => i !== axis);
    return Array.from({ length: n }, () => ({ shape, dtype: x.dtype }));
  },
  kernel: (ctx, [value], { axis }) => ctx.runMulti('Unpack', { value }, { axis }),
});

/** Splits x along `axis` into x.shape[axis] tensors, each without that axis. */
export function unstack(x: OpInput, axis = 0): Tensor[] {
  return withTemps((temps) => {
    const t = toTensor(x, 'unstack', 'x', temps);
    if (t.shape.length === 0) throw opError('unstack', 'x must have rank 1 or more, received a scalar');
    return runOpMulti(unstackOp, [t], { axis: normalizeAxis('unstack', axis, t.shape.length) }, temps);
  });
}
