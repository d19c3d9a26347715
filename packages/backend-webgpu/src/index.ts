import { findBackendFactory } from '@tensorflow/tfjs-core';
import { StrataError, type BackendFactory } from '@strata/tensor';
import { tfjsBackend } from '@strata/tensor/internal';
import { dawnGpu, installNavigatorGpu, isNode, provideWebGPUGlobals } from './node-gpu';
import { noAdapterError } from './no-adapter';
import { canReadSyncOn } from './sync-read';
import type { BackendQuirks } from '@strata/tensor/internal';

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
 * reads through an OffscreenCanvas it lacks (Node) or that cannot serve it (SwiftShader, Chromium
 * without a GPU): read with `await t.data()`.
 * @example
 * ```ts
 * await setBackend(webgpu());
 * await tensor([1, 2]).data(); // Float32Array [1, 2]: read asynchronously
 * ```
 */
export function webgpu(options: WebGPUOptions = {}): BackendFactory {
  // tfjs-webgpu reads synchronously through an OffscreenCanvas (Node has none); known once the adapter is.
  let canReadSync = typeof OffscreenCanvas === 'function';
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
      const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
      if (adapter === null) throw noAdapterError();
      canReadSync = canReadSyncOn(adapter, canReadSync);
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
    // Read after prepare has seen the adapter.
    get canReadSync() {
      return canReadSync;
    },
    // Even where it can, ops must not read synchronously on their own (see Backend.dataOnHost).
    dataOnHost: false,
    quirks: webgpuQuirks,
  });
}

/**
 * tfjs-webgpu 4.22's elementwise kernels that go wrong, found by running every one on cpu and webgpu
 * (SwiftShader) against the same inputs (the ops guard these; see `Quirk`): sigmoid(NaN) is 0,
 * elu(NaN) is Infinity, asinh(-Infinity) is 89, log1p(-2) is finite; int32 Mod by zero returns
 * -2^31 and FloorDiv goes through a float NaN WGSL leaves undefined; pow(5, 3) on int32 is 124.
 */
const webgpuQuirks: BackendQuirks = {
  specialValues: ['Relu6', 'Sigmoid', 'Softplus', 'Elu', 'Selu', 'Sinh', 'Cosh', 'Asinh', 'Acosh', 'Atanh', 'Log1p'],
  intDivByZero: ['Mod', 'FloorDiv'],
  intViaFloat: ['Pow'],
};
