import { StrataError } from '@strata/tensor';
import { fmtShape, type KernelImpl } from '@strata/tensor/internal';
import { wasmHeap } from './heap';
import { simdKernels } from '../simd';
import { sizeOf } from '@strata/tensor/internal';

/**
 * Strata's `reluGrad` (dy where y > 0, else 0) in one SIMD pass over the wasm heap (simd/kernels.c,
 * branch-free on the floats' bits: `y > 0` mispredicts half the time on an activation). Composed from tfjs-wasm's
 * kernels it is Greater with a broadcast 0 (7 ms on a [128,26,26,32] activation), ZerosLike and
 * Select, three passes and a bool tensor. A select, not dy · step(y): a NaN dy where y ≤ 0 gives 0.
 */
export const reluGrad: KernelImpl = ({ inputs, backend }) => {
  const { dy, y } = inputs;
  if (fmtShape(dy.shape) !== fmtShape(y.shape) || dy.dtype !== 'float32' || y.dtype !== 'float32') {
    throw new StrataError(
      `ReluGrad: expected float32 dy and y of one shape, received ${dy.dtype} ${fmtShape(dy.shape)} and ${y.dtype} ${fmtShape(y.shape)}`,
    );
  }
  const heap = wasmHeap(backend);
  const out = heap.makeOutput([...dy.shape], 'float32');
  const at = (t: typeof out) => heap.typedArrayFromHeap(t).byteOffset;
  simdKernels(backend).relu_grad(at(y), at(dy), at(out), sizeOf(dy.shape));
  return out;
};
