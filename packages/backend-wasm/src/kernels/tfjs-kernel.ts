import { getKernel } from '@tensorflow/tfjs-core';
import { StrataError } from '@strata/tensor';

/** tfjs-wasm's own kernel of that name, for what Strata's kernels leave to it. */
export function tfjsWasmKernel(name: string): NonNullable<ReturnType<typeof getKernel>>['kernelFunc'] {
  const kernel = getKernel(name, 'wasm');
  if (!kernel)
    throw new StrataError(
      `${name}: tfjs-wasm's ${name} kernel is not registered; start the backend with await setBackend(wasm())`,
    );
  return kernel.kernelFunc;
}
