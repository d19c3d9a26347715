import type { KernelImpl, TensorInfo } from '@strata/tensor/internal';
import { wasmHeap } from './heap';
import { copyOut } from './Slice';
import { tfjsWasmKernel } from './tfjs-kernel';
import { composed } from '@strata/tensor/internal';

/**
 * tfjs-wasm's fused kernels (`_FusedMatMul`, `FusedConv2D`, `FusedDepthwiseConv2D`) read the bias's
 * rank from their own record of its data, which a Reshape or an Unpack leaves at the rank the data
 * was made with: a bias that is a row of a matrix (a GRU's input bias) fails with "only supports
 * rank-1 bias but got rank 2". Such a bias is passed as a copy stored as a vector; the rest is
 * tfjs-wasm's kernel.
 */
function withVectorBias(kernelName: string): KernelImpl {
  return ({ inputs, attrs, backend, strata }) => {
    const run = (bias: TensorInfo | undefined) =>
      tfjsWasmKernel(kernelName)({
        inputs: { ...inputs, ...(bias ? { bias } : {}) } as never,
        backend,
        attrs,
      }) as unknown as TensorInfo;
    const { bias } = inputs;
    const heap = wasmHeap(backend);
    if (!bias || heap.dataIdMap.get(bias.dataId)?.shape.length === 1) return run(bias);
    return composed(strata, (k) => k.adopt(run(k.adopt(copyOut(backend, bias, 0, [...bias.shape])))));
  };
}

export const fusedMatMul = withVectorBias('_FusedMatMul');
export const fusedConv2D = withVectorBias('FusedConv2D');
export const fusedDepthwiseConv2D = withVectorBias('FusedDepthwiseConv2D');
