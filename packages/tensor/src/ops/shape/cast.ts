import { isDType, type DType } from '../../dtype';
import { opError } from '../../errors';
import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { withTemps } from './args';

/** The op of {@link cast}: its shape rule and kernel, the key of its gradient rule. */
export const castOp = defineOp<{
  /** The dtype to convert to. */
  dtype: DType;
}>({
  name: 'cast',
  infer: ([x], { dtype }) => ({ shape: x.shape, dtype }),
  // tfjs-wasm's own Cast to bool truncates (0.5 becomes false); @strata/backend-wasm supplies a right one.
  kernel: (ctx, [x], { dtype }) => ctx.run('Cast', { x }, { dtype }),
});

/**
 * Converts to `dtype`: float to int truncates toward zero, anything to bool is `x != 0`.
 * @example
 * ```ts
 * cast(tensor([1.7, -1.7]), 'int32'); // [1, -1] (int32)
 * ```
 */
export function cast(x: OpInput, dtype: DType): Tensor {
  return withTemps((temps) => {
    if (!isDType(dtype))
      throw opError('cast', `dtype must be 'float32', 'int32' or 'bool', received ${JSON.stringify(dtype)}`);
    return runOp(castOp, [toTensor(x, 'cast', 'x', temps)], { dtype }, temps);
  });
}
