import type { KernelImpl, TensorInfo } from '@strata/tensor/internal';
import { simdKernels } from '../simd';
import { wasmHeap } from './heap';

/**
 * One Adam step in one pass over the heap (Strata's SIMD `adam_update`), where the composed form runs
 * twelve tfjs-wasm kernels: the same float32 operations in the same order, so the same values.
 */
export const adamUpdate: KernelImpl = ({ inputs, attrs, backend }) => {
  const { w, g, m, v } = inputs;
  const { alpha, beta1, beta2, epsilon } = attrs as unknown as Record<string, number>;
  const heap = wasmHeap(backend);
  const outs = [0, 1, 2].map(() => heap.makeOutput([...w.shape], 'float32'));
  const at = (t: TensorInfo) => heap.typedArrayFromHeap(t).byteOffset;
  // The constants as the composed form's float32 scalars (a wasm f32 parameter rounds as they do).
  simdKernels(backend).adam_update(
    at(w),
    at(g),
    at(m),
    at(v),
    ...(outs.map(at) as [number, number, number]),
    heap.typedArrayFromHeap(w).length,
    alpha,
    1 - beta1,
    1 - beta2,
    epsilon,
  );
  return outs;
};
