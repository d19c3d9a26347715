import { opError, fmtShape } from '../../errors';
import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import type { Dim } from '../../shape';
import type { Tensor } from '../../tensor';
import { withTemps } from './args';
import { sliceInfo } from './kernel-utils';

/** The attributes of {@link slice}. */
export interface SliceAttrs {
  /** The first index on each axis. */
  begin: number[];
  /** -1 means "to the end of the axis". */
  size: number[];
}

/** The op of {@link slice}: its shape rule and kernel, the key of its gradient rule. */
export const sliceOp = defineOp<SliceAttrs>({
  name: 'slice',
  infer: ([x], { begin, size }) => {
    if (begin.length !== x.shape.length || size.length !== x.shape.length) {
      throw opError(
        'slice',
        `begin and size must have one entry per axis of x (shape ${fmtShape(x.shape)}), received begin ${fmtShape(begin)} and size ${fmtShape(size)}`,
      );
    }
    const shape = x.shape.map((d, i): Dim => {
      const end = size[i] === -1 ? d : begin[i] + size[i];
      if (d !== null && (begin[i] > d || (end as number) > d)) {
        const what =
          size[i] === -1 ? `begin[${i}] = ${begin[i]}` : `begin[${i}] + size[${i}] = ${begin[i]} + ${size[i]} = ${end}`;
        throw opError('slice', `${what} exceeds axis ${i} of x (shape ${fmtShape(x.shape)})`);
      }
      return size[i] === -1 ? (d === null ? null : d - begin[i]) : size[i];
    });
    return { shape, dtype: x.dtype };
  },
  kernel: (ctx, [x], { begin }, [out]) => sliceInfo(ctx, x, begin, out.shape),
});

function fullLength(
  arg: string,
  value: number | readonly number[],
  rank: number,
  fillWith: number,
  min: number,
): number[] {
  const list = typeof value === 'number' ? [value] : Array.isArray(value) ? [...value] : null;
  if (!list || list.length > rank || list.some((v) => !Number.isInteger(v) || v < min)) {
    const rule =
      min === 0
        ? 'non-negative integers (negative begin is not supported, as in TensorFlow; stridedSlice takes negative indices)'
        : 'non-negative integers or -1';
    throw opError(
      'slice',
      `${arg} must be a number or an array of at most ${rank} ${rule}, received ${JSON.stringify(value)}`,
    );
  }
  return [...list, ...new Array<number>(rank - list.length).fill(fillWith)];
}

/**
 * The box of x starting at `begin` with `size` elements per axis (-1: to the end). Shorter lists
 * are completed with begin 0 and size -1, as in TensorFlow.js; begin must be non-negative.
 * @example
 * ```ts
 * slice(tensor([[1, 2, 3], [4, 5, 6]]), [0, 1], [2, 2]); // [[2, 3], [5, 6]]
 * ```
 */
export function slice(x: OpInput, begin: number | readonly number[], size?: number | readonly number[]): Tensor {
  return withTemps((temps) => {
    const t = toTensor(x, 'slice', 'x', temps);
    const rank = t.shape.length;
    const b = fullLength('begin', begin, rank, 0, 0);
    const s = fullLength('size', size ?? [], rank, -1, -1);
    return runOp(sliceOp, [t], { begin: b, size: s }, temps);
  });
}
