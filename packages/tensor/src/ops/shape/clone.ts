import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { withTemps } from './args';

/** The op of {@link clone}: its shape rule and kernel, the key of its gradient rule. */
export const cloneOp = defineOp({
  name: 'clone',
  infer: ([x]) => ({ shape: x.shape, dtype: x.dtype }),
  // Identity may share the buffer (cpu, webgpu count references) or copy it (wasm): either way the
  // result outlives x, since a shared buffer is freed only with its last reference.
  kernel: (ctx, [x]) => ctx.run('Identity', { x }),
});

/**
 * A new tensor with the same values as x, independent of x's lifetime (x may be disposed).
 * @example
 * ```ts
 * clone(tensor([1, 2])); // [1, 2]
 * ```
 */
export function clone(x: OpInput): Tensor {
  return withTemps((temps) => runOp(cloneOp, [toTensor(x, 'clone', 'x', temps)], {}, temps));
}
