import { tfjsBackend, StrataError, type BackendFactory } from '@strata/tensor';
import { wasmKernels } from './kernels';
import { removeEmscriptenListeners, snapshotListeners, type ListenerSnapshot } from './process-listeners';

/** The three binaries tfjs-wasm picks from (plain, SIMD, SIMD + threads), by file name. */
export type WasmBinaryName = 'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm';

export interface WasmOptions {
  /**
   * Where the `.wasm` binaries are served from, for browsers and bundlers (Node finds them beside
   * the package): a folder URL ending in '/', or the URL of each binary. TensorFlow.js's `setWasmPaths`.
   */
  wasmPaths?: string | Record<WasmBinaryName, string>;
  /** Threads XNNPACK may use (tfjs's `setThreadsCount`); threads need a cross-origin-isolated page, Node runs one. */
  numThreads?: number;
}

/**
 * The WASM backend: TensorFlow.js's XNNPACK kernels compiled to WebAssembly, plus the kernels it
 * lacks or gets wrong (conv gradients, UnsortedSegmentSum, MaxPoolGrad, ...). Nothing loads until it is started
 * with `await setBackend(wasm())`. There is one wasm backend per process: options count on the first start.
 */
export function wasm(options: WasmOptions = {}): BackendFactory {
  let listenersBefore: ListenerSnapshot = null;
  return tfjsBackend({
    name: 'wasm',
    load: async () => {
      listenersBefore = snapshotListeners();
      const tfWasm = await import('@tensorflow/tfjs-backend-wasm');
      if (options.wasmPaths !== undefined) tfWasm.setWasmPaths(options.wasmPaths);
      if (options.numThreads !== undefined) tfWasm.setThreadsCount(checkThreads(options.numThreads));
    },
    // tfjs-wasm's BatchMatMul with transposeA/transposeB is 10-30x slower than a plain one on the
    // same data: Strata's matmul transposes explicitly instead.
    explicitTransposeMatmul: true,
    kernels: wasmKernels,
    // Instantiating the module in Node added Emscripten's rethrowing process listeners: take them out,
    // so uncaught errors and the program's own handlers behave as they do without wasm.
    configure: () => void removeEmscriptenListeners(listenersBefore),
  });
}

function checkThreads(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new StrataError(`wasm({numThreads}): expected a positive integer, received ${n}`);
  return n;
}

export { wasmKernels } from './kernels';
