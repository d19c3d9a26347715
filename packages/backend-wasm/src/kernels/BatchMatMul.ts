import { getKernel } from '@tensorflow/tfjs-core';
import type { DataId, KernelImpl, TensorInfo } from '@strata/tensor/internal';
import { StrataError } from '@strata/tensor';
import { composed } from '@strata/tensor/internal';

/**
 * BatchMatMul, guarding tfjs-wasm's operator cache. tfjs-wasm caches the XNNPACK operator (with b
 * packed inside) by the id of b's buffer, and reshape views share that buffer: a second matmul on
 * the same buffer with another shape or transposeB reuses the stale operator — wrong values, then
 * out-of-bounds reads. Where b's buffer was already multiplied under another layout, b is copied
 * to a fresh buffer first (a copy of b costs far less than the product).
 */
const layoutOf = new WeakMap<DataId, string>();

export const batchMatMul: KernelImpl = ({ inputs, attrs, backend, strata }) => {
  const tfjsMatMul = getKernel('BatchMatMul', 'wasm');
  if (!tfjsMatMul)
    throw new StrataError(
      "BatchMatMul: tfjs-wasm's kernel is not registered; start the backend with await setBackend(wasm())",
    );
  const { a, b } = inputs;
  const layout = `${b.shape.join('x')}/${attrs.transposeB ? 'T' : 'N'}`;
  const seen = layoutOf.get(b.dataId);
  if (seen === undefined) layoutOf.set(b.dataId, layout);
  return composed(strata, (k) => {
    const bUsed = seen === undefined || seen === layout ? b : k.run('Identity', { x: b });
    return k.adopt(
      tfjsMatMul.kernelFunc({ inputs: { a, b: bUsed } as never, backend, attrs }) as unknown as TensorInfo,
    );
  });
};
