import type { KernelBackend } from '@tensorflow/tfjs-core';
import { StrataError } from '@strata/tensor';
import { plainMemoryKernels, sharedMemoryKernels } from './binaries';

/** The two im2col kernels' shared signature: byte offsets of x and the patches, then the geometry. */
type Im2col = (
  x: number,
  patches: number,
  batch: number,
  inH: number,
  inW: number,
  channels: number,
  filterH: number,
  filterW: number,
  strideH: number,
  strideW: number,
  padTop: number,
  padLeft: number,
  outH: number,
  outW: number,
) => void;

/** Strata's SIMD kernels (kernels.c), instantiated on tfjs-wasm's own memory: byte offsets in, nothing out. */
export interface SimdKernels {
  relu_grad(y: number, dy: number, out: number, n: number): void;
  max_pool_grad_2x2(
    x: number,
    dy: number,
    dx: number,
    batch: number,
    inH: number,
    inW: number,
    channels: number,
    outH: number,
    outW: number,
  ): void;
  adam_update(
    w: number,
    g: number,
    m: number,
    v: number,
    w2: number,
    m2: number,
    v2: number,
    n: number,
    alpha: number,
    c1: number,
    c2: number,
    eps: number,
  ): void;
  sum_rows(x: number, out: number, rows: number, cols: number): void;
  matmul_long_k(a: number, b: number, c: number, m: number, k: number, n: number): void;
  im2col_t: Im2col;
  /** As im2col_t, for channel counts that are a multiple of 4 (4×4 blocks transposed in registers). */
  im2col_t_c4: Im2col;
  /** The inverse of im2col for the input gradient: (cols, dx, geometry), dx[n, h, w, c] = Σ of the columns that read it. */
  col2im: Im2col;
  /** A direct NHWC convolution of a padded x: flags 1 adds the bias (co floats), 2 applies relu. */
  conv2d_direct(
    x: number,
    filter: number,
    bias: number,
    out: number,
    batch: number,
    inH: number,
    inW: number,
    inChannels: number,
    filterH: number,
    filterW: number,
    strideH: number,
    strideW: number,
    dilationH: number,
    dilationW: number,
    outH: number,
    outW: number,
    outChannels: number,
    flags: number,
  ): void;
}

/** What Strata reads of tfjs-wasm's Emscripten module: its memory, exported (plain) or made by the glue (threads). */
interface EmscriptenModule {
  asm?: { memory?: WebAssembly.Memory };
  wasmMemory?: WebAssembly.Memory;
}

const instances = new WeakMap<WebAssembly.Memory, SimdKernels>();
const compiled: { plain?: WebAssembly.Module; shared?: WebAssembly.Module } = {};

const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/**
 * Compiles both builds ahead, asynchronously (the backend's start awaits it): Chrome refuses to
 * compile a module of more than a few KB synchronously on a page's main thread.
 */
export async function compileSimdKernels(): Promise<void> {
  compiled.plain ??= await WebAssembly.compile(bytesOf(plainMemoryKernels));
  compiled.shared ??= await WebAssembly.compile(bytesOf(sharedMemoryKernels));
}

/**
 * The SIMD kernels bound to this backend's memory, instantiated once per memory. The module imports
 * the memory itself (so a growth of tfjs-wasm's heap is seen at once) and has no stack or data of
 * its own; the shared-memory build serves tfjs-wasm's threaded binary.
 */
export function simdKernels(backend: KernelBackend): SimdKernels {
  const module = (backend as unknown as { wasm?: EmscriptenModule }).wasm;
  const memory = module?.asm?.memory ?? module?.wasmMemory;
  if (!memory)
    throw new StrataError(
      "Strata's wasm SIMD kernels: tfjs-wasm's memory was not found; start it with setBackend(wasm())",
    );
  let kernels = instances.get(memory);
  if (!kernels) {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    const compiledModule =
      (shared ? compiled.shared : compiled.plain) ??
      new WebAssembly.Module(bytesOf(shared ? sharedMemoryKernels : plainMemoryKernels));
    const instance = new WebAssembly.Instance(compiledModule, { env: { memory } });
    kernels = instance.exports as unknown as SimdKernels;
    instances.set(memory, kernels);
  }
  return kernels;
}
