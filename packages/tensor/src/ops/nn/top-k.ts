import { defineOp, runOpMulti } from '../../op';
import type { OpInput } from '../../convert';
import { opError, fmtShape } from '../../errors';
import type { Tensor } from '../../tensor';
import { composedMulti } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** The attributes of {@link topK}. */
export interface TopKAttrs {
  /** How many of the largest entries to keep along the last axis. */
  k: number;
  /** Whether they come in descending order. */
  sorted: boolean;
}

/** The op of {@link topK}: its shape rule and kernel, the key of its gradient rule. */
export const topKOp = defineOp<TopKAttrs>({
  name: 'topK',
  infer: ([x], { k }) => {
    if (x.shape.length === 0) throw opError('topK', `x must have rank >= 1, received shape ${fmtShape(x.shape)}`);
    if (x.dtype === 'bool') throw opError('topK', `x must be float32 or int32, received bool; cast(x, 'int32') first`);
    const last = x.shape[x.shape.length - 1];
    if (last !== null && k > last)
      throw opError('topK', `k=${k} is larger than the last axis of x.shape=${fmtShape(x.shape)} (${last})`);
    const shape = [...x.shape.slice(0, -1), k];
    return [
      { shape, dtype: x.dtype },
      { shape, dtype: 'int32' },
    ];
  },
  kernel: (ctx, [x], { k }, [values]) =>
    composedMulti(ctx, (s) => {
      // webgpu's TopK hands back its input as the values when the last axis has one element.
      if (x.shape[x.shape.length - 1] === 1)
        return [x, s.run('Fill', {}, { shape: values.shape, value: 0, dtype: 'int32' })];
      // Always sorted: unsorted order differs between backends, and sorting k values is cheap.
      return s.runMulti('TopK', { x }, { k, sorted: true });
    }),
});

/**
 * The `k` largest entries along the last axis of `x`, largest first, and their indices (int32).
 * Returns `{ values, indices }` as TensorFlow.js does. `sorted` is accepted for compatibility:
 * results are always sorted, so every backend gives the same order.
 * @example
 * ```ts
 * const { values, indices } = topK(tensor([1, 9, 3, 7]), 2); // values [9, 7], indices [1, 3]
 * ```
 */
export function topK(
  x: OpInput,
  k = 1,
  sorted = true,
): {
  /** The k largest entries along the last axis. */
  values: Tensor;
  /** Their positions along that axis (int32). */
  indices: Tensor;
} {
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 0)
    throw opError('topK', `k must be a non-negative integer, received ${JSON.stringify(k)}`);
  if (typeof sorted !== 'boolean')
    throw opError('topK', `sorted must be a boolean, received ${JSON.stringify(sorted)}`);
  const { inputs, temps } = opInputs('topK', [['x', x]]);
  const [values, indices] = runOpMulti(topKOp, inputs, { k, sorted }, temps);
  return { values, indices };
}
