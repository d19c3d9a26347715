import { env } from '@tensorflow/tfjs-core';
import { StrataError, type BackendFactory } from '@strata/tensor';
import { tfjsBackend } from '@strata/tensor/internal';
import { wasmKernels } from './kernels';
import { setKernelThreads, startedThreads } from './kernels/threads';
import { compileSimdKernels } from './simd';
import { removeEmscriptenListeners, snapshotListeners, type ListenerSnapshot } from './process-listeners';
import { type BackendQuirks, nodeBuiltin } from '@strata/tensor/internal';

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
   * Threads XNNPACK may use (tfjs's `setThreadsCount`): by default the machine's logical cores. More than one runs tfjs-wasm's threaded SIMD binary: in Node through
   * worker_threads, in a browser only where the page is cross-origin isolated (else one thread).
   */
  numThreads?: number;
}

/**
 * The WASM backend: TensorFlow.js's XNNPACK kernels compiled to WebAssembly, plus the kernels it
 * lacks or gets wrong (conv gradients, UnsortedSegmentSum, MaxPoolGrad, ...). Nothing loads until it is started
 * with `await setBackend(wasm())`. There is one wasm backend per process: options count on the first start.
 * @example
 * ```ts
 * await setBackend(wasm({ numThreads: 2 }));
 * wasmThreads(); // 2 where threads can run (Node, a cross-origin-isolated page), else 1
 * ```
 */
export function wasm(options: WasmOptions = {}): BackendFactory {
  let listenersBefore: ListenerSnapshot = null;
  return tfjsBackend({
    name: 'wasm',
    load: async () => {
      listenersBefore = snapshotListeners();
      const tfWasm = await import('@tensorflow/tfjs-backend-wasm');
      if (options.wasmPaths !== undefined) tfWasm.setWasmPaths(options.wasmPaths);
      const threads = options.numThreads === undefined ? await machineCores() : checkThreads(options.numThreads);
      // In Node tfjs-wasm never takes its threaded binary; with more than one thread asked for, it is
      // made to (node-threads.ts). Given wasmPaths, tfjs loads the SIMD binary alone, as it does in a browser.
      if (threads > 1 && isNode() && options.wasmPaths === undefined) {
        const { enableNodeThreads, reportCoresFor } = await import('./node-threads');
        await enableNodeThreads((flag, value) => env().set(flag, value));
        restoreCores = await reportCoresFor(threads);
      }
      tfWasm.setThreadsCount(threads);
      await compileSimdKernels();
      setKernelThreads(() => tfWasm.getThreadsCount());
    },
    // tfjs-wasm's BatchMatMul with transposeA/transposeB is 10-30x slower than a plain one on the
    // same data: Strata's matmul transposes explicitly instead.
    explicitTransposeMatmul: true,
    kernels: wasmKernels,
    quirks: wasmQuirks,
    // Instantiating the module in Node added Emscripten's rethrowing process listeners: take them out,
    // so uncaught errors and the program's own handlers behave as they do without wasm.
    configure: () => {
      restoreCores?.();
      restoreCores = null;
      removeEmscriptenListeners(listenersBefore);
    },
  });
}

/**
 * tfjs-wasm 4.22's elementwise kernels that go wrong, found by running every one on cpu and wasm
 * against the same inputs (the ops guard these; see `Quirk`): max(1, NaN) is 1, relu6(NaN) is 0;
 * int32 Mod by zero traps the module and FloorDiv by zero returns -2^31; Select picks nothing from
 * bool branches. A kernel this package fixes itself should leave this table.
 */
const wasmQuirks: BackendQuirks = {
  specialValues: ['Maximum', 'Minimum', 'Relu6', 'ClipByValue'],
  intDivByZero: ['Mod', 'FloorDiv'],
  boolData: ['Select'],
};

let restoreCores: (() => void) | null = null;

/**
 * The threads XNNPACK runs on in the started wasm backend: 1 where only the single-threaded binary
 * could load (a page that is not cross-origin isolated, or `numThreads: 1`).
 * @example
 * ```ts
 * await setBackend(wasm());
 * wasmThreads(); // the machine's cores in Node (os.availableParallelism()), 1 in a page that is not isolated
 * ```
 */
export function wasmThreads(): number {
  const threads = startedThreads();
  if (threads === null)
    throw new StrataError('wasmThreads(): the wasm backend has not started; await setBackend(wasm()) first');
  return threads;
}

const isNode = () => typeof process === 'object' && typeof process.versions?.node === 'string';

/** The machine's logical cores: Node's availableParallelism, a browser's hardwareConcurrency. */
async function machineCores(): Promise<number> {
  if (isNode()) {
    const os = await nodeBuiltin<typeof import('node:os')>('node:os', 'the core count of wasm threads');
    return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  }
  return typeof navigator === 'object' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 1;
}

function checkThreads(n: number): number {
  if (!Number.isInteger(n) || n < 1)
    throw new StrataError(`wasm({numThreads}): expected a positive integer, received ${n}`);
  return n;
}
