import type { KernelImpl } from '@strata/tensor';
import { StrataError, fmtShape, sizeOf } from '@strata/tensor';
import { wasmHeap } from './heap';

/**
 * Sums the rows of `x` that share a segment id, which tfjs-wasm lacks (so tfjs cannot train an
 * embedding on wasm, tfjs issue #8082). A loop over the wasm heap: O(x.size), where a one-hot matmul
 * would cost numSegments times more (a whole vocabulary for an embedding's gradient).
 *   out[s, ...] = sum over i with segmentIds[i] = s of x[i, ...];  out.shape = [numSegments, ...x.shape[ids.rank:]]
 * Ids outside [0, numSegments) are dropped, as tfjs's cpu and webgpu kernels do; the dtype of x is
 * kept (int32 sums wrap), as TensorFlow and tfjs-webgpu do.
 */
export const unsortedSegmentSum: KernelImpl = ({ inputs, attrs, backend }) => {
  const { x, segmentIds } = inputs;
  const numSegments = attrs.numSegments as number;
  const idsRank = segmentIds.shape.length;
  if (!Number.isInteger(numSegments) || numSegments < 0) {
    throw new StrataError(`UnsortedSegmentSum: numSegments must be a non-negative integer, received ${numSegments}`);
  }
  if (segmentIds.dtype !== 'int32') throw new StrataError(`UnsortedSegmentSum: segmentIds must be int32, received ${segmentIds.dtype}; cast them first`);
  if (x.dtype === 'bool') throw new StrataError('UnsortedSegmentSum: x must be float32 or int32, received bool; cast it first');
  if (fmtShape(x.shape.slice(0, idsRank)) !== fmtShape(segmentIds.shape)) {
    throw new StrataError(
      `UnsortedSegmentSum: segmentIds' shape ${fmtShape(segmentIds.shape)} must be a prefix of x's shape ${fmtShape(x.shape)} (one id per row of x)`,
    );
  }
  const heap = wasmHeap(backend);
  const rowShape = x.shape.slice(idsRank);
  const rowSize = sizeOf(rowShape);
  const out = heap.makeOutput([numSegments, ...rowShape], x.dtype);
  // Views are taken after the allocation: a malloc may grow the wasm memory and detach older views.
  const sums = heap.typedArrayFromHeap(out);
  const values = heap.typedArrayFromHeap(x);
  const ids = heap.typedArrayFromHeap(segmentIds);
  sums.fill(0); // makeOutput does not clear the memory it hands out
  for (let row = 0; row < ids.length; row++) {
    const segment = ids[row];
    if (segment < 0 || segment >= numSegments) continue;
    const from = row * rowSize;
    const to = segment * rowSize;
    for (let j = 0; j < rowSize; j++) sums[to + j] += values[from + j];
  }
  return out;
};
