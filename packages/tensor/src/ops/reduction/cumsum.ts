import { toTensor, type OpInput } from '../../convert';
import { opError } from '../../errors';
import { composed } from '../../kernels/scratch';
import { defineOp, runOp } from '../../op';
import { normalizeAxis } from '../../shape';
import type { Tensor } from '../../tensor';
import { boolAsInt, validating } from './define';

/** The attributes of {@link cumsum}. */
export interface CumsumAttrs {
  /** The axis summed along, non-negative. */
  axis: number;
  /** See {@link CumsumOptions.exclusive}. */
  exclusive: boolean;
  /** See {@link CumsumOptions.reverse}. */
  reverse: boolean;
}

/** Options of {@link cumsum}. */
export interface CumsumOptions {
  /** Each output excludes its own element: [a, b, c] → [0, a, a + b]. */
  exclusive?: boolean;
  /** Sum from the end: [a, b, c] → [a + b + c, b + c, c]. */
  reverse?: boolean;
}

/** The op of {@link cumsum}: its shape rule and kernel, the key of its gradient rule. */
export const cumsumOp = defineOp<CumsumAttrs>({
  name: 'cumsum',
  infer: ([x]) => ({ shape: x.shape, dtype: boolAsInt(x.dtype) }),
  kernel: (ctx, [x], { axis, exclusive, reverse }, [out]) =>
    composed(ctx, (s) => {
      // wasm's Cumsum rejects bool and webgpu's keeps bool as the result dtype: count as int32 instead.
      const input = s.cast(x, out.dtype);
      // The kernels expect a rank >= 1 tensor; a scalar is a sequence of one.
      const seq = x.shape.length === 0 ? s.reshape(input, [1]) : input;
      return s.run('Cumsum', { x: seq }, { axis, exclusive, reverse });
    }),
});

/**
 * Running sums along `axis` (default 0); bools count as int32. A scalar is its own cumsum.
 * @example
 * ```ts
 * cumsum(tensor([1, 2, 3])); // [1, 3, 6]
 * ```
 */
export function cumsum(x: OpInput, axis = 0, options: CumsumOptions = {}): Tensor {
  const temps: Tensor[] = [];
  const t = toTensor(x, 'cumsum', 'x', temps);
  const attrs = validating(temps, (): CumsumAttrs => {
    const { exclusive = false, reverse = false } = options;
    if (typeof exclusive !== 'boolean' || typeof reverse !== 'boolean') {
      throw opError(
        'cumsum',
        `options.exclusive and options.reverse must be booleans, received exclusive=${String(exclusive)}, reverse=${String(reverse)}`,
      );
    }
    const rank = t.shape.length;
    const normalized = normalizeAxis('cumsum', axis, rank);
    return { axis: rank === 0 ? 0 : normalized, exclusive, reverse };
  });
  return runOp(cumsumOp, [t], attrs, temps);
}
