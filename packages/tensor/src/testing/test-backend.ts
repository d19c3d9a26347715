import '@tensorflow/tfjs-backend-cpu';
import { tfjsBackend, type BackendFactory } from '../backend';

/**
 * @strata/tensor's own tests run on TensorFlow.js's cpu kernels through `tfjsBackend` directly:
 * the backend packages sit above this one and may not be imported here.
 */
export function testCpuBackend(): BackendFactory {
  return tfjsBackend({
    name: 'cpu',
    configure: (tf) => {
      (tf as unknown as { firstUse: boolean }).firstUse = false;
    },
  });
}
