import { slice_util, util } from '@tensorflow/tfjs-core';
import type { KernelImpl, TensorInfo } from '@strata/tensor/internal';
import { wasmHeap } from './heap';
import { tfjsWasmKernel } from './tfjs-kernel';

/**
 * Slice, reading the input where it lies in the wasm heap. tfjs-wasm's Slice first copies its whole
 * input out of the heap (`readSync`), so taking T steps of a sequence one by one (an RNN's unstack)
 * copies the sequence T times. A contiguous slice here copies only its own elements; strided slices
 * are tfjs-wasm's.
 */
export const slice: KernelImpl = ({ inputs, attrs, backend }) => {
  const { x } = inputs;
  const [begin, size] = slice_util.parseSliceParams(x as never, attrs.begin as number[], attrs.size as number[]);
  if (!slice_util.isSliceContinous(x.shape, begin, size))
    return tfjsWasmKernel('Slice')({ inputs: { x } as never, backend, attrs }) as unknown as TensorInfo;
  const from = slice_util.computeFlatOffset(begin, util.computeStrides(x.shape));
  return copyOut(backend, x, from, size);
};

/**
 * Unpack along axis 0 (what Strata's unstack asks for: it moves any other axis to the front
 * first): each output is one contiguous run of the input. tfjs-wasm's runs its Slice per output,
 * copying the whole input each time.
 */
export const unpack: KernelImpl = ({ inputs, attrs, backend }) => {
  const { value } = inputs;
  const axis = (attrs.axis as number) < 0 ? (attrs.axis as number) + value.shape.length : (attrs.axis as number);
  if (axis !== 0)
    return tfjsWasmKernel('Unpack')({ inputs: { value } as never, backend, attrs }) as unknown as TensorInfo[];
  const rowShape = value.shape.slice(1);
  const rowSize = util.sizeFromShape(rowShape);
  return Array.from({ length: value.shape[0] }, (_, i) => copyOut(backend, value, i * rowSize, rowShape));
};

/** A new tensor of `shape` holding the input's elements from `from` on (stored with that shape). */
export function copyOut(
  backend: Parameters<KernelImpl>[0]['backend'],
  x: TensorInfo,
  from: number,
  shape: number[],
): TensorInfo {
  const heap = wasmHeap(backend);
  const out = heap.makeOutput(shape, x.dtype);
  const n = util.sizeFromShape(shape);
  // Views are taken after the allocation: a malloc may grow the wasm memory and detach older views.
  if (n > 0) heap.typedArrayFromHeap(out).set(heap.typedArrayFromHeap(x).subarray(from, from + n));
  return { dataId: out.dataId, shape, dtype: x.dtype };
}
