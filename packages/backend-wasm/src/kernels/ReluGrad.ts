import { StrataError, fmtShape, type KernelImpl } from '@strata/tensor';
import { wasmHeap } from './heap';

/**
 * Strata's `reluGrad` (dy where y > 0, else 0) in one pass over the wasm heap. Composed from tfjs-wasm's
 * kernels it is Greater with a broadcast 0 (7 ms on a [128,26,26,32] activation), ZerosLike and
 * Select, three passes and a bool tensor. A select, not dy · step(y): a NaN dy where y ≤ 0 gives 0.
 */
export const reluGrad: KernelImpl = ({ inputs, backend }) => {
  const { dy, y } = inputs;
  if (fmtShape(dy.shape) !== fmtShape(y.shape) || dy.dtype !== 'float32' || y.dtype !== 'float32') {
    throw new StrataError(`ReluGrad: expected float32 dy and y of one shape, received ${dy.dtype} ${fmtShape(dy.shape)} and ${y.dtype} ${fmtShape(y.shape)}`);
  }
  const heap = wasmHeap(backend);
  const out = heap.makeOutput([...dy.shape], 'float32');
  // Views are taken after the allocation: a malloc may grow the wasm memory and detach older views.
  const dx = heap.typedArrayFromHeap(out);
  const g = heap.typedArrayFromHeap(dy);
  const ys = heap.typedArrayFromHeap(y);
  for (let i = 0; i < dx.length; i++) dx[i] = ys[i] > 0 ? g[i] : 0;
  return out;
};
