import { env } from '@tensorflow/tfjs-core';
import { StrataError, type BackendFactory } from '@strata/tensor';
import { tfjsBackend } from '@strata/tensor/internal';
import { wasmKernels } from './kernels';
import { removeEmscriptenListeners, snapshotListeners, type ListenerSnapshot } from './process-listeners';

/** The three binaries tfjs-wasm picks from (plain, SIMD, SIMD + threads), by file name. */
export type WasmBinaryName =
  | 'tfjs-backend-wasm.wasm'
  | 'tfjs-backend-wasm-simd.wasm'
  | 'tfjs-backend-wasm-threaded-simd.wasm';

/** Options of `wasm()`: where the binaries are served from, and XNNPACK's thread count. */
export interface WasmOptions {
  /**
   * Where the `.wasm` binaries are served from, for browsers and bundlers (Node finds them beside
   * the package): a folder URL ending in '/', or the URL of each binary. TensorFlow.js's `setWasmPaths`.
   */
  wasmPaths?: string | Record<WasmBinaryName, string>;
  /**
   * Threads XNNPACK may use (tfjs's `setThreadsCount`): by default the machine's logical cores in a
   * browser, 1 in Node. More than one runs tfjs-wasm's threaded SIMD binary: in Node through
   * worker_threads, in a browser only where the page is cross-origin isolated (else one thread).
   */
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
      // Browsers default to the machine's cores (tfjs's own default); Node to one thread unless asked:
      // Jest's sandbox hangs starting the pthread workers, and on a loaded machine XNNPACK's spinning
      // threads cost more than they give (README, "Threads").
      const threads =
        options.numThreads === undefined ? (isNode() ? 1 : machineCores()) : checkThreads(options.numThreads);
      // In Node tfjs-wasm never takes its threaded binary; with more than one thread asked for, it is
      // made to (node-threads.ts). Given wasmPaths, tfjs loads the SIMD binary alone, as it does in a browser.
      if (threads > 1 && isNode() && options.wasmPaths === undefined) {
        const { enableNodeThreads, reportCoresFor } = await import('./node-threads');
        await enableNodeThreads((flag, value) => env().set(flag, value));
        restoreCores = await reportCoresFor(threads);
      }
      tfWasm.setThreadsCount(threads);
      threadsCount = () => tfWasm.getThreadsCount();
    },
    // tfjs-wasm's BatchMatMul with transposeA/transposeB is 10-30x slower than a plain one on the
    // same data: Strata's matmul transposes explicitly instead.
    explicitTransposeMatmul: true,
    kernels: wasmKernels,
    // Instantiating the module in Node added Emscripten's rethrowing process listeners: take them out,
    // so uncaught errors and the program's own handlers behave as they do without wasm.
    configure: () => {
      restoreCores?.();
      restoreCores = null;
      removeEmscriptenListeners(listenersBefore);
    },
  });
}

let restoreCores: (() => void) | null = null;

let threadsCount: (() => number) | null = null;

/**
 * The threads XNNPACK runs on in the started wasm backend: 1 where only the single-threaded binary
 * could load (a page that is not cross-origin isolated, or `numThreads: 1`).
 */
export function wasmThreads(): number {
  if (threadsCount === null)
    throw new StrataError('wasmThreads(): the wasm backend has not started; await setBackend(wasm()) first');
  return threadsCount();
}

const isNode = () => typeof process === 'object' && typeof process.versions?.node === 'string';

/** The machine's logical cores, as browsers report them. */
function machineCores(): number {
  return typeof navigator === 'object' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 1;
}

function checkThreads(n: number): number {
  if (!Number.isInteger(n) || n < 1)
    throw new StrataError(`wasm({numThreads}): expected a positive integer, received ${n}`);
  return n;
}
