// Lets tfjs-wasm 4.22 run its threaded SIMD binary in Node (worker_threads + SharedArrayBuffer).
//
// tfjs-wasm never picks that binary in Node: its WASM_HAS_MULTITHREAD_SUPPORT flag answers false there
// (tfjs issue #3830). Emscripten's glue inside it does support Node's worker_threads, but tfjs hands
// it two things only a browser can load: the pthread worker's script as a `blob:` URL (Node's Worker
// takes a file or code, not a blob URL) and, in each worker's "load" message, the main script as a
// Blob that the worker's `importScripts` (in Node: eval of fs.readFileSync) cannot read. Both are
// given here in a form Node loads: the worker script as code, and the main script as the path of the
// same glue file tfjs bundled (wasm-out/tfjs-backend-wasm-threaded-simd.js). The glue assigns
// `global.Worker` itself when it starts; the accessor below hands it back wrapped.

import { nodeBuiltin } from '@strata/tensor/internal';

/** What the workers need, read synchronously from the tfjs-wasm package on disk. */
interface ThreadFiles {
  /** The pthread worker's script (tfjs ships it as a JS string in a CommonJS module). */
  workerSource: string;
  /** The threaded glue, which each worker evaluates to define WasmBackendModuleThreadedSimd. */
  gluePath: string;
}

const WHY = 'wasm threads in Node';

type WorkerClass = new (
  url: string | URL,
  options?: Record<string, unknown>,
) => { postMessage(msg: unknown, transfer?: unknown): void; ref(): void; terminate(): unknown };

async function threadFiles(): Promise<ThreadFiles> {
  const { createRequire } = await nodeBuiltin<typeof import('node:module')>('node:module', WHY);
  const { dirname, join } = await nodeBuiltin<typeof import('node:path')>('node:path', WHY);
  // Resolved from this package, whose dependency tfjs-backend-wasm is; its main file lies in dist/.
  const require = createRequire(import.meta.url);
  const root = dirname(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')));
  const worker = require(join(root, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.worker.js')) as {
    wasmWorkerContents: string;
  };
  // tfjs escapes newlines the same way before making its blob: the contents sit in a template literal.
  return {
    workerSource: worker.wasmWorkerContents.replace(/\n/g, '\\n'),
    gluePath: join(root, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.js'),
  };
}

function wrapWorker(NodeWorker: WorkerClass, files: ThreadFiles): WorkerClass {
  return class PthreadWorker extends NodeWorker {
    constructor(url: string | URL, options?: Record<string, unknown>) {
      const fromBlob = typeof url === 'string' && url.startsWith('blob:');
      super(fromBlob ? files.workerSource : url, fromBlob ? { ...options, eval: true } : options);
      poolWorkers.add(this);
    }

    override postMessage(msg: unknown, transfer?: unknown): void {
      const load = msg as { cmd?: string; urlOrBlob?: unknown };
      const fixed =
        load?.cmd === 'load' && typeof load.urlOrBlob !== 'string' ? { ...load, urlOrBlob: files.gluePath } : msg;
      super.postMessage(fixed, transfer);
    }

    /**
     * Emscripten refs a worker while it runs a pthread, as a C program waits for its threads; XNNPACK's
     * pool threads run for as long as the module lives, so a program (or Jest) would never exit. They
     * only compute while the main thread waits on them, so they need not keep Node's event loop alive.
     */
    override ref(): void {}
  };
}

/**
 * tfjs-wasm's C++ caps its thread pool at half the logical cores (it assumes two hardware threads
 * per core: `emscripten_num_logical_cores() / 2`), read once when the module starts; on a 2-core
 * machine that is one thread whatever is asked. While the module starts, Node's os.cpus() reports
 * at least 2 × `threads` entries so that the cap lets `threads` through; the returned function
 * puts the real one back (call it once the backend has started).
 */
export async function reportCoresFor(threads: number): Promise<() => void> {
  const os = await nodeBuiltin<{ cpus: () => unknown[] }>('node:os', WHY);
  const real = os.cpus;
  os.cpus = () => {
    const cpus = real();
    return cpus.length >= 2 * threads ? cpus : Array.from({ length: 2 * threads }, (_, i) => cpus[i % cpus.length]);
  };
  return () => {
    os.cpus = real;
  };
}

let installed = false;

/** Every pthread worker started in this module instance, for stopNodeThreads(). */
const poolWorkers = new Set<{ terminate(): unknown }>();

/**
 * Ends the pool's worker threads. Only for a process that reloads the module, as Jest does once per
 * test file: each load starts its own pool, and a live worker keeps its module's whole wasm memory
 * reachable (~250 MB a file in the backend's tests). After this the threaded backend must not run again:
 * its main thread would wait for threads that are gone. Jest's setup calls it after each test file.
 */
export function stopNodeThreads(): void {
  for (const worker of poolWorkers) worker.terminate();
  poolWorkers.clear();
}

/**
 * Prepares this process so that tfjs-wasm, when it next starts, runs the threaded binary. Call after
 * importing tfjs-wasm and before the backend starts. Returns why it cannot, or null once prepared.
 */
export async function enableNodeThreads(setFlag: (name: string, value: boolean) => void): Promise<string | null> {
  if (typeof SharedArrayBuffer === 'undefined') return 'SharedArrayBuffer is missing in this Node';
  if (!installed) {
    const files = await threadFiles();
    let wrapped: WorkerClass | undefined;
    Object.defineProperty(globalThis, 'Worker', {
      configurable: true,
      get: () => wrapped,
      set: (NodeWorker: WorkerClass) => {
        wrapped = NodeWorker === undefined ? undefined : wrapWorker(NodeWorker, files);
      },
    });
    installed = true;
    // Reached by a test runner's teardown without importing this package (tools/jest/wasm-threads.ts).
    (globalThis as Record<symbol, unknown>)[Symbol.for('strata.stopWasmThreads')] = stopNodeThreads;
  }
  setFlag('WASM_HAS_MULTITHREAD_SUPPORT', true);
  return null;
}
