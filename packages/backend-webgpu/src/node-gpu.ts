import { StrataError } from '@strata/tensor';

/** The `navigator` slot tfjs-webgpu reads the GPU from (`navigator.gpu`). */
type NavigatorLike = { gpu?: GPU };

/** True in Node (and Deno/Bun's Node mode), where WebGPU comes from the `webgpu` package, not the page. */
export function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

/** What the `webgpu` package (Dawn for Node) exports. */
interface DawnModule {
  create(flags: string[]): GPU;
  globals: object;
}

// A specifier in a variable, so that browser bundlers leave this Node-only package alone.
const DAWN_PACKAGE = 'webgpu';

async function importDawn(): Promise<DawnModule> {
  try {
    return (await import(/* webpackIgnore: true */ /* @vite-ignore */ DAWN_PACKAGE)) as DawnModule;
  } catch (first) {
    // Under a CommonJS transpiler (Jest, ts-node) `import()` becomes that tool's `require()`, which
    // cannot load this ESM-only package. Node's own require can (Node >= 20.19 loads ES modules);
    // getBuiltinModule reaches it past the tool's replacement of the 'module' builtin.
    const nodeModule = (
      process as { getBuiltinModule?: (id: string) => typeof import('node:module') }
    ).getBuiltinModule?.('node:module');
    if (!nodeModule) throw first;
    try {
      return nodeModule.createRequire(import.meta.url)(DAWN_PACKAGE) as DawnModule;
    } catch {
      throw first;
    }
  }
}

async function loadDawn(): Promise<DawnModule> {
  let dawn: DawnModule;
  try {
    dawn = await importDawn();
  } catch (e) {
    throw new StrataError(
      `webgpu(): could not load the 'webgpu' package (Dawn for Node): ${(e as Error).message}. ` +
        'Install it (npm install webgpu), or pass a GPU yourself: webgpu({ gpu })',
    );
  }
  for (const [name, value] of Object.entries(dawn.globals)) {
    if (!(name in globalThis)) Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  return dawn;
}

/**
 * Dawn's WebGPU for Node from the `webgpu` package, with the WebGPU constants tfjs-webgpu uses as
 * globals (GPUBufferUsage, GPUMapMode, ...) defined where they are missing.
 */
export async function dawnGpu(): Promise<GPU> {
  return (await loadDawn()).create([]);
}

/** In Node, defines the WebGPU constants tfjs-webgpu uses (for a GPU the caller made with Dawn). */
export async function provideWebGPUGlobals(): Promise<void> {
  if (isNode() && !('GPUBufferUsage' in globalThis)) await loadDawn();
}

/**
 * Makes `gpu` the `navigator.gpu` that tfjs-webgpu reads when it starts. Node 20 has no `navigator`:
 * one is defined holding only `gpu`. An existing navigator (a browser's, Node 21+'s) is kept, with
 * `gpu` set as its own property, so nothing else on it changes.
 */
export function installNavigatorGpu(gpu: GPU): void {
  const g = globalThis as { navigator?: NavigatorLike };
  if (g.navigator === undefined) {
    Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  } else if (g.navigator.gpu !== gpu) {
    Object.defineProperty(g.navigator, 'gpu', { value: gpu, configurable: true, writable: true, enumerable: true });
  }
}
