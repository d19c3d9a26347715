import { expandDims, reshape, stridedSlice, tile, type Dim, type Shape, type Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { LayerError } from '../../errors';

/** A [before, after] pair of non-negative integers. */
export type Margin = [number, number];

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** Reads `int | [before, after]` (Keras's 1-D padding and cropping) as a pair. */
export function standardizeMargin(layer: string, name: string, value: unknown): Margin {
  if (isCount(value)) return [value, value];
  if (Array.isArray(value) && value.length === 2 && value.every(isCount)) return [value[0], value[1]];
  throw new LayerError(
    `${layer}: ${name} must be a non-negative integer or a [before, after] pair of them, received ${JSON.stringify(value)}`,
  );
}

/** Reads `int | [height, width] | [[top, bottom], [left, right]]` (Keras's 2-D padding and cropping) as two pairs. */
export function standardizeMargins2d(layer: string, name: string, value: unknown): [Margin, Margin] {
  if (isCount(value))
    return [
      [value, value],
      [value, value],
    ];
  if (Array.isArray(value) && value.length === 2) {
    if (value.every(isCount))
      return [
        [value[0], value[0]],
        [value[1], value[1]],
      ];
    if (value.every((v) => Array.isArray(v) && v.length === 2 && v.every(isCount)))
      return [
        [value[0][0], value[0][1]],
        [value[1][0], value[1][1]],
      ];
  }
  throw new LayerError(
    `${layer}: ${name} must be a non-negative integer, a [height, width] pair, or [[top, bottom], [left, right]], received ${JSON.stringify(value)}`,
  );
}

/**
 * Reshapes to [batch, ...rest], the batch inferred: with every `rest` size known, batch is the -1;
 * otherwise the batch must be known and the one unknown size of `rest` is the -1.
 */
export function reshapeKeepingBatch(x: Tensor, rest: readonly Dim[]): Tensor {
  if (rest.every((d) => d !== null)) return reshape(x, [-1, ...(rest as number[])]);
  const batch = x.shape[0];
  if (batch !== null && rest.filter((d) => d === null).length === 1)
    return reshape(x, [batch, ...rest.map((d) => d ?? -1)]);
  throw new LayerError(
    `cannot reshape a tensor of shape ${fmtShape(x.shape)} to [batch, ${rest.map((d) => d ?? 'None')}]: too many unknown dimensions`,
  );
}

/** Repeats every element of `axis` `times` times in place (NumPy's repeat): [a, b] → [a, a, b, b]. */
export function repeatAlong(x: Tensor, axis: number, times: number): Tensor {
  const reps = x.shape.map(() => 1);
  reps.splice(axis + 1, 0, times);
  const tiled = tile(expandDims(x, axis + 1), reps);
  const size = x.shape[axis];
  const shape = x.shape.map((d, i) => (i === axis ? (size === null ? null : size * times) : d));
  return reshapeKeepingBatch(tiled, shape.slice(1));
}

/** Keeps `[before, size - after)` of each listed axis: a crop that works with unknown sizes too. */
export function cropAxes(x: Tensor, margins: ReadonlyMap<number, Margin>): Tensor {
  const rank = x.rank;
  const begin = new Array<number>(rank).fill(0);
  const end = new Array<number>(rank).fill(0);
  let beginMask = 0;
  let endMask = 0;
  for (let axis = 0; axis < rank; axis++) {
    const m = margins.get(axis);
    if (!m) {
      beginMask |= 1 << axis;
      endMask |= 1 << axis;
      continue;
    }
    begin[axis] = m[0];
    if (m[1] === 0) endMask |= 1 << axis;
    else end[axis] = -m[1];
  }
  return stridedSlice(x, begin, end, new Array<number>(rank).fill(1), { beginMask, endMask });
}

/** The size left once `margin` is cropped (or padded, with `sign` +1) off a dimension. */
export function adjust(d: Dim, margin: Margin, sign: 1 | -1): Dim {
  return d === null ? null : d + sign * (margin[0] + margin[1]);
}

/** Refuses a crop that leaves nothing of an axis (Keras's check), naming the layer and shapes. */
export function checkCrop(layerName: string, shape: Shape, margins: ReadonlyMap<number, Margin>): void {
  for (const [axis, m] of margins) {
    const d = shape[axis];
    if (d !== null && m[0] + m[1] >= d) {
      throw new LayerError(
        `Layer "${layerName}": cropping ${JSON.stringify([...margins.values()])} must leave something of each cropped axis, but axis ${axis} of the input ` +
          `shape ${fmtShape(shape)} has size ${d}; crop less`,
      );
    }
  }
}
