import type { KernelBackend } from '@tensorflow/tfjs-core';
import type { TensorInfo } from '@strata/tensor/internal';

/** What the heap-loop kernels use of BackendWasm: allocate an output, view a tensor's memory, its own records. */
export interface WasmHeap {
  makeOutput(shape: number[], dtype: string): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
  /** tfjs-wasm's record of each tensor's data, with the shape the data was made with (a Reshape keeps it). */
  dataIdMap: { get(dataId: unknown): { shape: number[] } | undefined };
}

/** tfjs-wasm's backend, seen as its heap (the kernel API types it as a plain KernelBackend). */
export function wasmHeap(backend: KernelBackend): WasmHeap {
  return backend as unknown as WasmHeap;
}
