import { opError, fmtShape } from '../../errors';
import { defineOp, runOpMulti } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import { normalizeAxis } from '../../shape';
import type { Tensor } from '../../tensor';
import { withTemps } from './args';
import { composedMulti } from '../../kernels/scratch';

/** The op of {@link unstack}: its shape rule and kernel, the key of its gradient rule. */
export const unstackOp = defineOp<{
  /** The axis to split into slices, non-negative. */
  axis: number;
}>({
  name: 'unstack',
  infer: ([x], { axis }) => {
    if (x.shape.length === 0) throw opError('unstack', 'x must have rank 1 or more, received a scalar');
    const n = x.shape[axis];
    if (n === null)
      throw opError(
        'unstack',
        `axis ${axis} of x (shape ${fmtShape(x.shape)}) has unknown size, so the number of outputs is unknown`,
      );
    const shape = x.shape.filter((_, i) => i !== axis);
    return Array.from({ length: n }, () => ({ shape, dtype: x.dtype }));
  },
  kernel: (ctx, [value], { axis }) => {
    if (axis === 0) return ctx.runMulti('Unpack', { value }, { axis });
    // Slices along an inner axis are strided: tfjs-cpu copies them element by element (an RNN's
    // [batch, time, features] split by time took 11× longer than this). Moving the axis to the
    // front first makes every slice one contiguous copy.
    const perm = [axis, ...value.shape.map((_, i) => i).filter((i) => i !== axis)];
    return composedMulti(ctx, (s) => s.runMulti('Unpack', { value: s.transpose(value, perm) }, { axis: 0 }));
  },
});

/**
 * Splits x along `axis` into x.shape[axis] tensors, each without that axis.
 * @example
 * ```ts
 * unstack(tensor([[1, 2], [3, 4]])); // two tensors: [1, 2], [3, 4]
 * ```
 */
export function unstack(x: OpInput, axis = 0): Tensor[] {
  return withTemps((temps) => {
    const t = toTensor(x, 'unstack', 'x', temps);
    if (t.shape.length === 0) throw opError('unstack', 'x must have rank 1 or more, received a scalar');
    return runOpMulti(unstackOp, [t], { axis: normalizeAxis('unstack', axis, t.shape.length) }, temps);
  });
}
