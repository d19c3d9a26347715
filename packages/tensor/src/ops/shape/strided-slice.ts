import type { TensorInfo } from '../../backend';
import { opError, fmtShape } from '../../errors';
import { composed, type Scratch } from '../../kernels/scratch';
import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import type { Dim, Shape } from '../../shape';
import type { Tensor } from '../../tensor';
import { intList, withTemps } from './args';

/** The masks of TensorFlow's strided_slice: bit i refers to entry i of begin/end/strides. */
export interface StridedSliceOptions {
  /** Bit i set: ignore begin[i] and start at the beginning (or end, for a negative stride) of axis i. Default: 0. */
  beginMask?: number;
  /** Bit i set: ignore end[i] and run to the end (or beginning) of axis i. Default: 0. */
  endMask?: number;
  /** Bit i set: entry i stands for as many full axes as the rest leaves (at most one bit). Default: 0. */
  ellipsisMask?: number;
  /** Bit i set: entry i inserts a new axis of size 1. Default: 0. */
  newAxisMask?: number;
  /** Bit i set: entry i takes the single index begin[i] and drops the axis. Default: 0. */
  shrinkAxisMask?: number;
}

/** The attributes of {@link stridedSlice}: its arguments and every mask, resolved. */
export interface StridedSliceAttrs extends Required<StridedSliceOptions> {
  /** The start of each entry. */
  begin: number[];
  /** The (excluded) end of each entry. */
  end: number[];
  /** The step of each entry (negative: backwards). */
  strides: number[];
}

/** What a strided slice takes from one input axis: `count` elements from `start`, `stride` apart. */
interface AxisPlan {
  start: number | null;
  stride: number;
  count: Dim;
}

/**
 * The per-axis plan and the output shape, following TensorFlow's (and tfjs's) slice_util rules.
 * @internal
 */
export function planStridedSlice(
  shape: Shape,
  a: StridedSliceAttrs,
): {
  /** For each axis of the input: where it starts, its step and how many entries it keeps. */
  axes: AxisPlan[];
  /** The output shape. */
  outShape: Dim[];
} {
  const bit = (mask: number, i: number) => (mask & (1 << i)) !== 0;
  const n = a.strides.length;
  const rank = shape.length;
  const ellipsisAt = [...Array(n).keys()].find((i) => bit(a.ellipsisMask, i)) ?? n;
  const newAxesAfterEllipsis = [...Array(n).keys()].filter(
    (i) => i > ellipsisAt && bit(a.newAxisMask, i) && !bit(a.ellipsisMask, i),
  ).length;
  const axes: AxisPlan[] = [];
  const outShape: Dim[] = [];
  const full = (dim: Dim) => {
    axes.push({ start: 0, stride: 1, count: dim });
    outShape.push(dim);
  };
  for (let i = 0; i <= n; i++) {
    if (i === ellipsisAt) {
      // The ellipsis covers every axis the entries after it do not consume.
      const covered = Math.min(rank - (n - i - (i < n ? 1 : 0)) + newAxesAfterEllipsis, rank);
      while (axes.length < covered) full(shape[axes.length]);
      continue;
    }
    if (i === n) break;
    if (bit(a.newAxisMask, i)) {
      outShape.push(1);
      continue;
    }
    const axis = axes.length;
    if (axis === rank)
      throw opError(
        'stridedSlice',
        `begin/end/strides have more entries (${n}) than x has axes (shape ${fmtShape(shape)}), counting ellipsis and new axes`,
      );
    const dim = shape[axis];
    const stride = a.strides[i];
    if (bit(a.shrinkAxisMask, i)) {
      if (stride <= 0)
        throw opError(
          'stridedSlice',
          `strides[${i}] is ${stride}, but an axis taken as a single index (shrinkAxisMask) needs a positive stride`,
        );
      const start = dim === null ? null : a.begin[i] < 0 ? a.begin[i] + dim : a.begin[i];
      if (start !== null && (start < 0 || start >= (dim as number))) {
        throw opError(
          'stridedSlice',
          `index begin[${i}] = ${a.begin[i]} is out of range for axis ${axis} of x (shape ${fmtShape(shape)}), taken as a single index by shrinkAxisMask`,
        );
      }
      axes.push({ start, stride: 1, count: 1 });
      continue;
    }
    if (dim === null) {
      axes.push({ start: null, stride, count: null });
      outShape.push(null);
      continue;
    }
    // Clamp as Python slicing does: forward ranges to [0, dim], backward ones to [-1, dim - 1].
    const [lo, hi] = stride > 0 ? [0, dim] : [-1, dim - 1];
    const canonical = (x: number, masked: boolean, isEnd: boolean) => {
      if (masked) return stride > 0 === isEnd ? hi : lo;
      const fwd = x < 0 ? x + dim : x;
      return Math.min(Math.max(fwd, lo), hi);
    };
    const start = canonical(a.begin[i], bit(a.beginMask, i), false);
    const end = canonical(a.end[i], bit(a.endMask, i), true);
    const count = Math.max(0, Math.ceil((end - start) / stride));
    axes.push({ start, stride, count });
    outShape.push(count);
  }
  while (axes.length < rank) full(shape[axes.length]);
  return { axes, outShape };
}

/**
 * Takes the bounding box with Slice, then every |stride|-th element of each strided axis with a
 * gather. tfjs's StridedSlice kernel is avoided: on wasm its general path writes float32 whatever
 * the input dtype, which corrupts int32 and bool tensors.
 */
function stridedSliceKernel(s: Scratch, x: TensorInfo, attrs: StridedSliceAttrs, outShape: number[]): TensorInfo {
  const { axes } = planStridedSlice(x.shape, attrs);
  const plan = axes as { start: number; stride: number; count: number }[];
  const begin = plan.map((p) => (p.stride > 0 ? p.start : p.start + (p.count - 1) * p.stride));
  const size = plan.map((p) => (p.count - 1) * Math.abs(p.stride) + 1);
  const whole = size.every((d, i) => d === x.shape[i]);
  let result = whole ? x : s.run('Slice', { x }, { begin, size });
  plan.forEach((p, axis) => {
    if (p.stride === 1) return;
    const picks = Array.from({ length: p.count }, (_, k) =>
      p.stride > 0 ? k * p.stride : size[axis] - 1 + k * p.stride,
    );
    const indices = s.write(picks, [p.count], 'int32');
    result = s.run('GatherV2', { x: result, indices }, { axis, batchDims: 0 });
  });
  return s.reshape(result, outShape);
}

/** The op of {@link stridedSlice}: its shape rule and kernel, the key of its gradient rule. */
export const stridedSliceOp = defineOp<StridedSliceAttrs>({
  name: 'stridedSlice',
  infer: ([x], attrs) => ({ shape: planStridedSlice(x.shape, attrs).outShape, dtype: x.dtype }),
  kernel: (ctx, [x], attrs, [out]) => composed(ctx, (s) => stridedSliceKernel(s, x, attrs, out.shape)),
});

function mask(name: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** 31)
    throw opError('stridedSlice', `${name} must be a non-negative integer bit mask, received ${JSON.stringify(value)}`);
  return value;
}

/**
 * Python-style slicing, as TensorFlow's strided_slice: `x[begin:end:stride]` per entry, negative
 * indices count from the end, out-of-range bounds are clamped; masks mark entries whose begin/end
 * are ignored (beginMask, endMask), that are `...` (ellipsisMask), `newaxis` (newAxisMask), or a
 * single index that removes the axis (shrinkAxisMask).
 * @example
 * ```ts
 * stridedSlice(tensor([1, 2, 3, 4, 5]), [0], [5], [2]); // [1, 3, 5]
 * ```
 */
export function stridedSlice(
  x: OpInput,
  begin: readonly number[],
  end: readonly number[],
  strides?: readonly number[],
  options: StridedSliceOptions = {},
): Tensor {
  return withTemps((temps) => {
    const t = toTensor(x, 'stridedSlice', 'x', temps);
    const b = intList('stridedSlice', 'begin', begin);
    const e = intList('stridedSlice', 'end', end);
    const s = strides === undefined ? b.map(() => 1) : intList('stridedSlice', 'strides', strides);
    if (b.length !== e.length || b.length !== s.length) {
      throw opError(
        'stridedSlice',
        `begin, end and strides must have the same length, received ${b.length}, ${e.length} and ${s.length}`,
      );
    }
    const zero = s.indexOf(0);
    if (zero >= 0) throw opError('stridedSlice', `strides[${zero}] is 0; strides must be non-zero`);
    const attrs: StridedSliceAttrs = {
      begin: b,
      end: e,
      strides: s,
      beginMask: mask('beginMask', options.beginMask),
      endMask: mask('endMask', options.endMask),
      ellipsisMask: mask('ellipsisMask', options.ellipsisMask),
      newAxisMask: mask('newAxisMask', options.newAxisMask),
      shrinkAxisMask: mask('shrinkAxisMask', options.shrinkAxisMask),
    };
    if ((attrs.ellipsisMask & (attrs.ellipsisMask - 1)) !== 0) {
      throw opError(
        'stridedSlice',
        `ellipsisMask ${attrs.ellipsisMask} has more than one bit set; at most one ellipsis is allowed`,
      );
    }
    return runOp(stridedSliceOp, [t], attrs, temps);
  });
}
