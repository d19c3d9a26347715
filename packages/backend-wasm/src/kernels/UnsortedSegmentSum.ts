import type { KernelImpl } from '@strata/tensor/internal';
import { segmentSumGeometry, sumSegments } from '@strata/tensor/internal';
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
  const { outShape, rowSize, numSegments } = segmentSumGeometry(x, segmentIds, attrs.numSegments);
  const heap = wasmHeap(backend);
  const out = heap.makeOutput(outShape, x.dtype);
  // Views are taken after the allocation: a malloc may grow the wasm memory and detach older views.
  const sums = heap.typedArrayFromHeap(out);
  sums.fill(0); // makeOutput does not clear the memory it hands out
  sumSegments(heap.typedArrayFromHeap(x), heap.typedArrayFromHeap(segmentIds), sums, rowSize, numSegments);
  return out;
};
