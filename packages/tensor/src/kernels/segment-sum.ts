import type { TensorInfo } from '../backend';
import { StrataError, fmtShape } from '../errors';
import { sizeOf } from '../shape';

/**
 * Checks an UnsortedSegmentSum call and returns its geometry:
 *   out[s, ...] = sum over i with segmentIds[i] = s of x[i, ...];  out.shape = [numSegments, ...x.shape[ids.rank:]]
 * @internal
 */
export function segmentSumGeometry(
  x: TensorInfo,
  segmentIds: TensorInfo,
  numSegments: unknown,
): {
  /** `[numSegments, ...x.shape[ids.rank:]]`. */
  outShape: number[];
  /** Elements per row: the size of `x.shape[ids.rank:]`. */
  rowSize: number;
  /** The number of segments, checked. */
  numSegments: number;
} {
  if (typeof numSegments !== 'number' || !Number.isInteger(numSegments) || numSegments < 0) {
    throw new StrataError(
      `UnsortedSegmentSum: numSegments must be a non-negative integer, received ${String(numSegments)}`,
    );
  }
  if (segmentIds.dtype !== 'int32')
    throw new StrataError(
      `UnsortedSegmentSum: segmentIds must be int32, received ${segmentIds.dtype}; cast them first`,
    );
  if (x.dtype === 'bool')
    throw new StrataError('UnsortedSegmentSum: x must be float32 or int32, received bool; cast it first');
  const idsRank = segmentIds.shape.length;
  if (fmtShape(x.shape.slice(0, idsRank)) !== fmtShape(segmentIds.shape)) {
    throw new StrataError(
      `UnsortedSegmentSum: segmentIds' shape ${fmtShape(segmentIds.shape)} must be a prefix of x's shape ${fmtShape(x.shape)} (one id per row of x)`,
    );
  }
  const rowShape = x.shape.slice(idsRank);
  return { outShape: [numSegments, ...rowShape], rowSize: sizeOf(rowShape), numSegments };
}

/**
 * Adds each row of `values` into the row of `sums` its id names: O(values.length), where tfjs's cpu
 * kernel masks the whole input once per segment (a whole vocabulary for an embedding's gradient).
 * Ids outside [0, numSegments) are dropped, as tfjs's cpu and webgpu kernels do. `sums` must be zeroed.
 * @internal
 */
export function sumSegments(
  values: ArrayLike<number>,
  ids: ArrayLike<number>,
  sums: { [i: number]: number },
  rowSize: number,
  numSegments: number,
): void {
  for (let row = 0; row < ids.length; row++) {
    const segment = ids[row];
    if (segment < 0 || segment >= numSegments) continue;
    const from = row * rowSize;
    const to = segment * rowSize;
    for (let j = 0; j < rowSize; j++) sums[to + j] += values[from + j];
  }
}
