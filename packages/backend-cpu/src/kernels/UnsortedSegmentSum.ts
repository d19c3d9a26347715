import type { KernelImpl } from '@strata/tensor/internal';
import { segmentSumGeometry, sizeOf, sumSegments } from '@strata/tensor/internal';

/**
 * Sums the rows of `x` that share a segment id (an Embedding's gradient, `gather`'s gradient) in one
 * pass over x. tfjs-cpu's kernel masks all of x once per segment, numSegments times the work: for an
 * embedding of 10,000 words that is 10,000 passes. The dtype of x is kept (int32 sums wrap, as in TensorFlow).
 */
export const unsortedSegmentSum: KernelImpl = ({ inputs, attrs, backend }) => {
  const { x, segmentIds } = inputs;
  const { outShape, rowSize, numSegments } = segmentSumGeometry(x, segmentIds, attrs.numSegments);
  const values = backend.readSync(x.dataId) as Float32Array | Int32Array;
  const ids = backend.readSync(segmentIds.dataId) as Int32Array;
  const sums = x.dtype === 'int32' ? new Int32Array(sizeOf(outShape)) : new Float32Array(sizeOf(outShape));
  sumSegments(values, ids, sums, rowSize, numSegments);
  return { dataId: backend.write(sums, outShape, x.dtype), shape: outShape, dtype: x.dtype };
};
