import { add, expandDims, pad, reshape, reverse, slice, zerosLike, type Tensor } from '@strata/tensor';
import { padOp, planStridedSlice, sliceOp, stridedSliceOp } from '@strata/tensor/internal';
import { rule, type GradientEntry } from '../../registry';

/**
 * The gradient of a strided slice: dy's elements go back to the positions they were taken from,
 * zeros elsewhere. Per axis: a negative stride is reversed, a stride s > 1 interleaves s - 1 zeros
 * (a padded new axis merged back), and one pad puts the span in place. All on-device ops.
 */
function stridedSliceGradient(dy: Tensor, x: Tensor, attrs: Parameters<typeof planStridedSlice>[1]): Tensor {
  const { axes } = planStridedSlice(x.shape, attrs) as { axes: { start: number; stride: number; count: number }[] };
  if (axes.some((p) => p.count === 0)) return zerosLike(x);
  let g = reshape(
    dy,
    axes.map((p) => p.count),
  );
  const placement: [number, number][] = [];
  axes.forEach(({ start, stride, count }, axis) => {
    let first = start;
    if (stride < 0) {
      g = reverse(g, axis);
      first = start + (count - 1) * stride;
    }
    const step = Math.abs(stride);
    if (step > 1 && count > 1) {
      const spread = pad(
        expandDims(g, axis + 1),
        Array.from({ length: g.rank + 1 }, (_, a): [number, number] => (a === axis + 1 ? [0, step - 1] : [0, 0])),
      );
      const merged = reshape(
        spread,
        g.shape.map((d, a) => (a === axis ? d * step : d)),
      );
      g = slice(
        merged,
        g.shape.map(() => 0),
        g.shape.map((d, a) => (a === axis ? (count - 1) * step + 1 : d)),
      );
    }
    placement.push([first, x.shape[axis] - first - g.shape[axis]]);
  });
  return pad(g, placement);
}

/**
 * The gradient of a mirror pad: the middle of dy, plus each mirrored border added back onto the
 * elements it copied (reflect skips the edge element, symmetric repeats it).
 */
function mirrorPadGradient(
  dy: Tensor,
  x: Tensor,
  paddings: readonly [number, number][],
  mode: 'reflect' | 'symmetric',
): Tensor {
  const edge = mode === 'reflect' ? 1 : 0;
  let g = dy;
  paddings.forEach(([before, after], axis) => {
    const dim = x.shape[axis];
    const part = (from: number, length: number) =>
      slice(
        g,
        g.shape.map((_, a) => (a === axis ? from : 0)),
        g.shape.map((d, a) => (a === axis ? length : d)),
      );
    const place = (t: Tensor, lo: number) =>
      pad(
        t,
        t.shape.map((_, a) => (a === axis ? [lo, dim - lo - t.shape[a]] : [0, 0])),
      );
    let total = part(before, dim);
    if (before > 0) total = add(total, place(reverse(part(0, before), axis), edge));
    if (after > 0) total = add(total, place(reverse(part(before + dim, after), axis), dim - edge - after));
    g = total;
  });
  return g;
}

export const slicingRules: readonly [string, GradientEntry][] = [
  rule(sliceOp, (dy, { inputs: [x], attrs: { begin } }) => [
    () =>
      pad(
        dy,
        x.shape.map((d, i) => [begin[i], d - begin[i] - dy.shape[i]]),
      ),
  ]),
  rule(stridedSliceOp, (dy, { inputs: [x], attrs }) => [() => stridedSliceGradient(dy, x, attrs)]),
  rule(padOp, (dy, { inputs: [x], attrs: { paddings, mode } }) => [
    () =>
      mode === 'constant'
        ? slice(
            dy,
            paddings.map(([before]) => before),
            x.shape,
          )
        : mirrorPadGradient(dy, x, paddings, mode),
  ]),
];
