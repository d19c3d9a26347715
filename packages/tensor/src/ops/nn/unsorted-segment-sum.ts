import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import { opError, fmtShape } from '../../errors';
import type { Tensor } from '../../tensor';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** The attributes of {@link unsortedSegmentSum}. */
export interface SegmentSumAttrs {
  /** The number of output rows; ids outside [0, numSegments) are dropped. */
  numSegments: number;
}

const OP = 'unsortedSegmentSum';

/** The op of {@link unsortedSegmentSum}: its shape rule and kernel, the key of its gradient rule. */
export const unsortedSegmentSumOp = defineOp<SegmentSumAttrs>({
  name: OP,
  infer: ([x, ids], { numSegments }) => {
    if (x.shape.length === 0) throw opError(OP, `x must have rank >= 1, received shape ${fmtShape(x.shape)}`);
    if (ids.dtype !== 'int32') throw opError(OP, `segmentIds must be int32, received ${ids.dtype}`);
    const rows = x.shape[0];
    if (ids.shape.length !== 1 || (ids.shape[0] !== null && rows !== null && ids.shape[0] !== rows)) {
      throw opError(
        OP,
        `segmentIds must be rank 1 with one id per row of x: x.shape=${fmtShape(x.shape)} needs segmentIds.shape=[${rows}], received ${fmtShape(ids.shape)}`,
      );
    }
    return { shape: [numSegments, ...x.shape.slice(1)], dtype: x.dtype === 'bool' ? 'int32' : x.dtype };
  },
  // Ids outside [0, numSegments) are dropped, as TensorFlow drops negative ids. Backends treat them
  // differently (webgpu wraps large ids around), so they are sent to one extra segment, cut off after.
  kernel: (ctx, [x, ids], { numSegments }, [out]) =>
    composed(ctx, (s) => {
      const sinkId = s.write([numSegments], [], 'int32');
      const negative = s.run('Less', { a: ids, b: s.write([0], [], 'int32') });
      const clipped = s.run('Minimum', { a: ids, b: sinkId });
      const sink = s.run('Fill', {}, { shape: ids.shape, value: numSegments, dtype: 'int32' });
      const safeIds = s.run('Select', { condition: negative, t: sink, e: clipped });
      // Summed in float32 on every backend: cpu's kernel does so anyway, and webgpu's returns garbage
      // for int32 data. Integer sums stay exact up to 2^24.
      const sums = s.run(
        'UnsortedSegmentSum',
        { x: s.cast(x, 'float32'), segmentIds: safeIds },
        { numSegments: numSegments + 1 },
      );
      const kept = s.run('Slice', { x: sums }, { begin: out.shape.map(() => 0), size: out.shape });
      return s.cast(kept, out.dtype);
    }),
});

/**
 * Sums the rows of `x` into `numSegments` rows: row i goes to segment `segmentIds[i]` (int32, one per
 * row; JS arrays are read as int32); segments no row maps to are 0, and ids outside [0, numSegments) are dropped. int32 sums are exact up to 2^24.
 * @example
 * ```ts
 * unsortedSegmentSum(tensor([1, 2, 3]), tensor([0, 1, 0], [3], 'int32'), 2); // [4, 2]
 * ```
 */
export function unsortedSegmentSum(x: OpInput, segmentIds: OpInput, numSegments: number): Tensor {
  if (typeof numSegments !== 'number' || !Number.isInteger(numSegments) || numSegments < 0) {
    throw opError(OP, `numSegments must be a non-negative integer, received ${JSON.stringify(numSegments)}`);
  }
  const { inputs, temps } = opInputs(OP, [
    ['x', x],
    ['segmentIds', segmentIds, 'int32'],
  ]);
  return runOp(unsortedSegmentSumOp, inputs, { numSegments }, temps);
}
