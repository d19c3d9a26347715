import * as tfc from '@tensorflow/tfjs-core';
import type { KernelBackend, NamedAttrMap } from '@tensorflow/tfjs-core';
import type { DType } from './dtype';
import { StrataError } from './errors';
import { profiledKernel } from './profile';

/** The key of a tensor's data in a backend: an opaque object each TensorFlow.js backend hands out. */
export type DataId = object;
/** A backend result before it is wrapped as a Tensor: the kernel-level currency. */
export interface TensorInfo {
  /** Where the data lives in its backend. */
  dataId: DataId;
  /** The shape, every dimension known. */
  shape: number[];
  /** The element type. */
  dtype: DType;
}

/** A kernel a Strata backend supplies itself, where TensorFlow.js's backend has none (or a slow one). */
export type KernelImpl = (args: {
  inputs: Record<string, TensorInfo>;
  backend: KernelBackend;
  attrs: NamedAttrMap;
  strata: Backend;
}) => TensorInfo | TensorInfo[];

/**
 * Ways a TensorFlow.js kernel is known to go wrong on a backend, which the ops compose around
 * (ops/elementwise/guards.ts):
 * - 'specialValues': wrong result for NaN (or ±Infinity, or outside the domain).
 * - 'intDivByZero': int32 division by zero traps, returns garbage, or goes through a float NaN
 *   whose conversion to int32 is undefined.
 * - 'intViaFloat': int32 computed through float32 with rounding error.
 * - 'boolData': wrong results on bool tensors.
 */
export type Quirk = 'specialValues' | 'intDivByZero' | 'intViaFloat' | 'boolData';

/**
 * The kernels a backend has measured to have each quirk; a kernel not listed under a quirk is
 * trusted. A backend declares its own (the backend package knows its kernels; @strata/tensor names
 * none): `{}` for one measured clean.
 */
export type BackendQuirks = Readonly<Partial<Record<Quirk, readonly string[]>>>;

/**
 * A started backend: the one TensorFlow.js backend instance of that name in this process, plus the
 * kernels Strata adds or replaces for it. Ops reach kernels only through `runKernel`.
 */
export interface Backend {
  /** The name it was registered under: 'cpu', 'wasm', 'webgpu'. */
  readonly name: string;
  /** The TensorFlow.js backend instance whose kernels run the ops. */
  readonly tf: KernelBackend;
  /** True where transposed matmul kernels are much slower than a transpose plus a plain matmul (wasm). */
  readonly explicitTransposeMatmul: boolean;
  /** True where `readSync` works (not in WebGPU without a sync path). */
  readonly canReadSync: boolean;
  /**
   * True where tensor data lives in host memory (cpu, wasm), so a synchronous read is only a copy.
   * False on WebGPU: there a synchronous read stalls the GPU and, in browsers, goes through an
   * OffscreenCanvas (which on SwiftShader returns zeros and loses the device), so ops never read on
   * their own.
   */
  readonly dataOnHost: boolean;
  /**
   * Its kernels' known quirks. Absent on a backend never measured: the ops then guard every kernel,
   * so a new backend is correct before it is fast.
   */
  readonly quirks?: BackendQuirks;
  /** Whether a kernel of this (tfjs-core) name exists here, Strata's own or tfjs's. */
  hasKernel(kernelName: string): boolean;
  /** Runs a kernel by its tfjs-core name: Strata's own first, then the tfjs registry's. */
  runKernel(kernelName: string, inputs: Record<string, TensorInfo>, attrs?: NamedAttrMap): TensorInfo | TensorInfo[];
}

/** What `cpu()`, `wasm()` and `webgpu()` return: a named recipe for starting a backend. */
export interface BackendFactory {
  /** The name `setBackend` and `getBackend` use. */
  readonly name: string;
  /** Starts the backend (imports and initialises it); `setBackend` calls this once. */
  create(): Promise<Backend>;
  /** Present where the backend can start without awaiting (cpu): lets ops run before any setBackend. */
  createSync?(): Backend;
}

/** How {@link tfjsBackend} builds a backend: the tfjs backend's name, how to load it, and what Strata adds. */
export interface TfjsBackendOptions {
  /** The name of the TensorFlow.js backend to wrap (as tfjs registers it), also the Strata backend's name. */
  name: string;
  /**
   * Imports the TensorFlow.js backend package, which registers itself with tfjs-core's registry.
   * Omit it where the package is imported statically (then the backend can start synchronously).
   */
  load?: () => Promise<unknown>;
  /** Runs before the tfjs backend is initialised (e.g. to provide `navigator.gpu` in Node). */
  prepare?: () => Promise<void> | void;
  /** Kernels Strata supplies for this backend; consulted before tfjs-core's registry. */
  kernels?: Record<string, KernelImpl>;
  /** See {@link Backend.explicitTransposeMatmul}. Default: false. */
  explicitTransposeMatmul?: boolean;
  /** See `Backend.canReadSync`. Default: true. */
  canReadSync?: boolean;
  /** See {@link Backend.dataOnHost}. Default: true. */
  dataOnHost?: boolean;
  /** The kernels measured to have each quirk (see `Quirk`); omit it to have every kernel guarded. */
  quirks?: BackendQuirks;
  /** Called once with the started tfjs backend instance. */
  configure?: (tf: KernelBackend) => void;
}

type TfEngine = {
  registry: Record<string, KernelBackend>;
  registryFactory: Record<string, unknown>;
  initializeBackend(name: string): { success: boolean | Promise<boolean>; asyncInit: boolean };
};

/**
 * Starts (or finds) the process-wide TensorFlow.js backend instance of `name` without making it
 * tfjs's active backend, then runs its kernels' setup functions: wasm kernels bind to the backend
 * their `setupFunc` last saw, so they must see this instance.
 */
function startTfjsBackend(name: string): KernelBackend | Promise<KernelBackend> {
  const engine = tfc.engine() as unknown as TfEngine;
  const finish = (): KernelBackend => {
    const instance = engine.registry[name];
    for (const kernel of tfc.getKernelsForBackend(name)) kernel.setupFunc?.(instance);
    return instance;
  };
  if (engine.registry[name] != null) return finish();
  if (engine.registryFactory[name] == null) {
    throw new StrataError(`backend '${name}': TensorFlow.js has no backend registered under that name`);
  }
  const { success, asyncInit } = engine.initializeBackend(name);
  const fail = () => new StrataError(`backend '${name}' failed to start (see the warning above for the cause)`);
  if (!asyncInit) {
    if (!success) throw fail();
    return finish();
  }
  return (success as Promise<boolean>).then((ok) => {
    if (!ok) throw fail();
    return finish();
  });
}

/**
 * Builds a Strata backend on a TensorFlow.js backend; each backend package is a call to this.
 * @example
 * ```ts
 * const myCpu = tfjsBackend({ name: 'cpu' }); // after import '@tensorflow/tfjs-backend-cpu'
 * await setBackend(myCpu);
 * ```
 */
export function tfjsBackend(options: TfjsBackendOptions): BackendFactory {
  const wrap = (tf: KernelBackend): Backend => {
    options.configure?.(tf);
    const own = options.kernels ?? {};
    const backend: Backend = {
      name: options.name,
      tf,
      explicitTransposeMatmul: options.explicitTransposeMatmul ?? false,
      canReadSync: options.canReadSync ?? true,
      dataOnHost: options.dataOnHost ?? true,
      ...(options.quirks ? { quirks: options.quirks } : {}),
      hasKernel: (k) => k in own || tfc.getKernel(k, options.name) !== undefined,
      runKernel(kernelName, inputs, attrs = {}) {
        const mine = own[kernelName];
        if (mine) return profiledKernel(kernelName, () => mine({ inputs, backend: tf, attrs, strata: backend }));
        const config = tfc.getKernel(kernelName, options.name);
        if (!config) {
          throw new StrataError(
            `backend '${options.name}' has no kernel '${kernelName}'; switch backends with setBackend('cpu') or report the missing kernel`,
          );
        }
        return profiledKernel(
          kernelName,
          () =>
            config.kernelFunc({ inputs: inputs as never, backend: tf, attrs }) as unknown as TensorInfo | TensorInfo[],
        );
      },
    };
    return backend;
  };
  const factory: BackendFactory = {
    name: options.name,
    async create() {
      await options.prepare?.();
      await options.load?.();
      return wrap(await startTfjsBackend(options.name));
    },
  };
  if (!options.load && !options.prepare) {
    factory.createSync = () => {
      const tf = startTfjsBackend(options.name);
      if (tf instanceof Promise)
        throw new StrataError(
          `backend '${options.name}' starts asynchronously: await setBackend('${options.name}') first`,
        );
      return wrap(tf);
    };
  }
  return factory;
}
