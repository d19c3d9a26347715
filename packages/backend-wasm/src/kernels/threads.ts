/**
 * The threads tfjs-wasm's XNNPACK runs on, for the kernels that choose between XNNPACK (which spreads
 * its work over them) and Strata's single-threaded SIMD loops. Set when the backend starts.
 */
let threadsOf: (() => number) | null = null;

/** Called by the backend's start with tfjs-wasm's getThreadsCount. */
export function setKernelThreads(count: () => number): void {
  threadsOf = count;
}

/** XNNPACK's thread count, or null before the backend has started. */
export function startedThreads(): number | null {
  return threadsOf ? threadsOf() : null;
}

/** XNNPACK's thread count (1 before the backend has started). */
export const kernelThreads = (): number => startedThreads() ?? 1;
