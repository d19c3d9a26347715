import type { KernelBackend } from '@tensorflow/tfjs-core';
import type { TensorInfo } from '@strata/tensor';

/** The two BackendWasm methods the heap-loop kernels use: allocate an output, view a tensor's memory. */
export interface WasmHeap {
  makeOutput(shape: number[], dtype: string): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/** tfjs-wasm's backend, seen as its heap (the kernel API types it as a plain KernelBackend). */
export function wasmHeap(backend: KernelBackend): WasmHeap {
  return backend as unknown as WasmHeap;
}
