import type { KernelImpl, TensorInfo } from '@strata/tensor/internal';
import { composed } from '@strata/tensor/internal';
import { tfjsWasmKernel } from './tfjs-kernel';

/**
 * Cast, with tfjs-wasm's cast to bool fixed. tfjs-wasm copies the values into a Uint8Array, which
 * truncates modulo 256: 0.5 and 256 become false, -1 becomes 255. A cast to bool is `x != 0`
 * (as on tfjs's cpu and webgpu backends, and in TensorFlow); every other cast is tfjs-wasm's own.
 */
export const cast: KernelImpl = ({ inputs, attrs, backend, strata }) => {
  const { x } = inputs;
  if (attrs.dtype === 'bool' && x.dtype !== 'bool') {
    return composed(strata, (k) => k.run('NotEqual', { a: x, b: k.scalar(0, x.dtype) }));
  }
  return tfjsWasmKernel('Cast')({ inputs: { x } as never, backend, attrs }) as unknown as TensorInfo;
};
