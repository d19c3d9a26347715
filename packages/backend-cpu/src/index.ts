// Importing tfjs-backend-cpu registers its kernels with tfjs-core's registry (tfjs's own mechanism);
// nothing runs until a Strata backend is created from it.
import '@tensorflow/tfjs-backend-cpu';
import type { BackendFactory } from '@strata/tensor';
import { ADAM_UPDATE_KERNEL, composedKernels, tfjsBackend } from '@strata/tensor/internal';
import { adamUpdate } from './kernels/AdamUpdate';
import { unsortedSegmentSum } from './kernels/UnsortedSegmentSum';

/**
 * The CPU backend: TensorFlow.js's plain JavaScript kernels. Works everywhere, starts
 * synchronously (so it can be the default before any `setBackend`), and reads synchronously.
 * @example
 * ```ts
 * await setBackend(cpu());
 * getBackend(); // 'cpu'
 * ```
 */
export function cpu(): BackendFactory {
  return tfjsBackend({
    name: 'cpu',
    // tfjs-cpu's Conv2DBackpropFilter reads every element through TensorBuffer.get: the composed
    // one (a convolution of the input with dy) trains a CNN 5-18× faster. Its UnsortedSegmentSum
    // makes one pass over the input per segment; Strata's makes one in all. Adam's step is one pass
    // (adamUpdate's kernel) where tfjs runs twelve kernels.
    kernels: { ...composedKernels, UnsortedSegmentSum: unsortedSegmentSum, [ADAM_UPDATE_KERNEL]: adamUpdate },
    // Measured with the other backends' elementwise kernels on the same inputs: tfjs-cpu gets special
    // values, int32 division by zero and bool data right, so the ops guard none of its kernels.
    quirks: {},
    // tfjs-backend-cpu prints a "use tfjs-node" banner on first write in Node; Strata users need not see it.
    configure: (tf) => {
      (tf as unknown as { firstUse: boolean }).firstUse = false;
    },
  });
}
