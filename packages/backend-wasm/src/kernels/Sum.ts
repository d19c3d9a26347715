import { util } from '@tensorflow/tfjs-core';
import type { KernelImpl, TensorInfo } from '@strata/tensor/internal';
import { simdKernels } from '../simd';
import { wasmHeap } from './heap';
import { tfjsWasmKernel } from './tfjs-kernel';

/**
 * Sum, with float sums over leading axes (a bias's gradient: [128,26,26,32] summed to [32]) run by
 * Strata's SIMD kernel `sum_rows` over x seen as [rows, cols]. tfjs-wasm transposes the reduced axes
 * to the end first, then adds rows one by one (6 ms for that bias); the product ones[1, M] · x[M, C]
 * that replaced it made XNNPACK pack all of x as its "weights" on every call (10 ms); `sum_rows`
 * reads x once (under 1 ms). Every other sum is tfjs-wasm's.
 */
export const sum: KernelImpl = ({ inputs, attrs, backend }) => {
  const { x } = inputs;
  const rank = x.shape.length;
  const axes = util.parseAxisParam(attrs.axis as number | number[], x.shape).sort((a, b) => a - b);
  const leading = axes.length > 0 && axes.length < rank && axes.every((a, i) => a === i);
  const rows = util.sizeFromShape(x.shape.slice(0, axes.length));
  if (x.dtype !== 'float32' || !leading || rows < 2)
    return tfjsWasmKernel('Sum')({ inputs: { x } as never, backend, attrs }) as unknown as TensorInfo;
  const kept = x.shape.slice(axes.length);
  const outShape = attrs.keepDims ? [...x.shape.slice(0, axes.length).map(() => 1), ...kept] : kept;
  const heap = wasmHeap(backend);
  const out = heap.makeOutput(outShape, 'float32');
  const at = (t: TensorInfo) => heap.typedArrayFromHeap(t).byteOffset;
  simdKernels(backend).sum_rows(at(x), at(out), rows, util.sizeFromShape(kept));
  return out;
};
