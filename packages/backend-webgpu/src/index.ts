import { findBackendFactory } from '@tensorflow/tfjs-core';
import { StrataError, type BackendFactory } from '@strata/tensor';
import { tfjsBackend } from '@strata/tensor/internal';
import { dawnGpu, installNavigatorGpu, isNode, provideWebGPUGlobals } from './node-gpu';
import { noAdapterError } from './no-adapter';

/** Options of `webgpu()`: which WebGPU entry point to use. */
export interface WebGPUOptions {
  /**
   * The WebGPU entry point to use. Default: the browser's `navigator.gpu`; in Node, Dawn from the
   * `webgpu` package (`create([])`). Pass one to choose Dawn flags or a GPU of your own.
   */
  gpu?: GPU;
}

/**
 * The WebGPU backend: TensorFlow.js's WebGPU kernels, in the browser or in Node through Dawn. It
 * starts asynchronously (`await setBackend(webgpu())`) and cannot read synchronously where tfjs
 * reads through an OffscreenCanvas it lacks (Node): read with `await t.data()`.
 */
export function webgpu(options: WebGPUOptions = {}): BackendFactory {
  return tfjsBackend({
    name: 'webgpu',
    // navigator.gpu must exist before tfjs-webgpu is imported: it registers itself only if it does.
    prepare: async () => {
      const existing = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
      const gpu = options.gpu ?? existing ?? (isNode() ? await dawnGpu() : undefined);
      if (gpu === undefined) {
        throw new StrataError(
          'webgpu(): this browser has no WebGPU (navigator.gpu is undefined). Use a browser that has it (Chrome or Edge 113+, ' +
            'Safari 26+, Firefox 141+ on Windows), on a secure (https or localhost) page, or pick another backend: await setBackend(wasm())',
        );
      }
      if ((await gpu.requestAdapter({ powerPreference: 'high-performance' })) === null) throw noAdapterError();
      await provideWebGPUGlobals();
      installNavigatorGpu(gpu);
    },
    load: async () => {
      await import('@tensorflow/tfjs-backend-webgpu');
      if (findBackendFactory('webgpu') == null) {
        throw new StrataError(
          'webgpu(): @tensorflow/tfjs-backend-webgpu was imported before navigator.gpu existed, so it did not register its backend; ' +
            'let webgpu() be the first to import it (remove the earlier import)',
        );
      }
    },
    // tfjs-webgpu reads synchronously by drawing into an OffscreenCanvas; Node has none.
    canReadSync: typeof OffscreenCanvas === 'function',
  });
}
