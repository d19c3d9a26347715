import { opError, fmtShape } from '../../errors';
import { defineOp, runOpMulti } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import { normalizeAxis, sizeOf, type Dim, type Shape } from '../../shape';
import type { Tensor } from '../../tensor';
import { intList, withTemps } from './args';
import { emptyInfo, sliceInfo } from './kernel-utils';

/** The attributes of {@link split}. */
export interface SplitAttrs {
  /** A number of equal parts, or the size of each part (one may be -1: the rest). */
  numOrSizes: number | number[];
  /** The axis split, non-negative. */
  axis: number;
}

/**
 * The size of each part along the split axis; null where the axis size is unknown.
 * @internal
 */
export function splitSizes(shape: Shape, { numOrSizes, axis }: SplitAttrs): Dim[] {
  const dim = shape[axis];
  const where = `axis ${axis} of x (shape ${fmtShape(shape)})`;
  if (typeof numOrSizes === 'number') {
    if (dim !== null && dim % numOrSizes !== 0)
      throw opError(
        'split',
        `cannot split ${where} into ${numOrSizes} equal parts: ${dim} is not divisible by ${numOrSizes}`,
      );
    return new Array<Dim>(numOrSizes).fill(dim === null ? null : dim / numOrSizes);
  }
  const rest = numOrSizes.indexOf(-1);
  const known = numOrSizes.reduce((a, b) => (b === -1 ? a : a + b), 0);
  if (dim === null) return numOrSizes.map((s) => (s === -1 ? null : s));
  if (rest < 0 && known !== dim)
    throw opError('split', `sizes ${fmtShape(numOrSizes)} sum to ${known}, but ${where} has size ${dim}`);
  if (known > dim)
    throw opError(
      'split',
      `sizes ${fmtShape(numOrSizes)} need at least ${known} elements on ${where}, which has ${dim}`,
    );
  return numOrSizes.map((s) => (s === -1 ? dim - known : s));
}

/** The op of {@link split}: its shape rule and kernel, the key of its gradient rule. */
export const splitOp = defineOp<SplitAttrs>({
  name: 'split',
  // Parts of size 0 are written directly; the others are slices of a non-empty x.
  handlesEmpty: true,
  infer: ([x], attrs) => {
    if (attrs.axis < 0 || attrs.axis >= x.shape.length)
      throw opError('split', `axis ${attrs.axis} is out of range for x of shape ${fmtShape(x.shape)}`);
    return splitSizes(x.shape, attrs).map((size) => ({
      shape: x.shape.map((d, i) => (i === attrs.axis ? size : d)),
      dtype: x.dtype,
    }));
  },
  kernel: (ctx, [x], { axis }, outs) => {
    const begin = x.shape.map(() => 0);
    return outs.map((out) => {
      const part = sizeOf(out.shape) === 0 ? emptyInfo(ctx, out.shape, out.dtype) : sliceInfo(ctx, x, begin, out.shape);
      begin[axis] += out.shape[axis];
      return part;
    });
  },
});

/**
 * Splits x along `axis` into `numOrSizes` equal parts, or into parts of the given sizes (one of
 * which may be -1, meaning the rest).
 * @example
 * ```ts
 * split(tensor([1, 2, 3, 4]), 2); // two tensors: [1, 2], [3, 4]
 * ```
 */
export function split(x: OpInput, numOrSizes: number | readonly number[], axis = 0): Tensor[] {
  return withTemps((temps) => {
    const t = toTensor(x, 'split', 'x', temps);
    if (t.shape.length === 0) throw opError('split', 'x must have rank 1 or more, received a scalar');
    let parts: number | number[];
    if (typeof numOrSizes === 'number') {
      if (!Number.isInteger(numOrSizes) || numOrSizes < 1)
        throw opError('split', `the number of parts must be a positive integer, received ${numOrSizes}`);
      parts = numOrSizes;
    } else {
      parts = intList('split', 'sizes', numOrSizes, -1, 'non-negative integers (and at most one -1)');
      if (parts.filter((s) => s === -1).length > 1)
        throw opError('split', `sizes may contain at most one -1, received ${fmtShape(parts)}`);
    }
    return runOpMulti(splitOp, [t], { numOrSizes: parts, axis: normalizeAxis('split', axis, t.shape.length) }, temps);
  });
}
