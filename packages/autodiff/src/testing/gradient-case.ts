import type * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '@strata/tensor';
import type { InputSpec } from '@strata/tensor/testing';

/**
 * One row of the gradient table: an op applied to inputs, differentiated with respect to the
 * float inputs listed in `wrt` (default: every float input), checked against central finite
 * differences and against TensorFlow.js's `tf.grads` of `oracle`, the same op written in tfjs.
 */
export interface GradientCase {
  name: string;
  /** The registry key this case exercises (coverage counts it). */
  op: string;
  inputs: readonly InputSpec[];
  run: (...xs: Tensor[]) => Tensor;
  oracle: (tf: typeof tfc, ...xs: tfc.Tensor[]) => tfc.Tensor;
  wrt?: readonly number[];
  /** Tolerance against TensorFlow.js's gradient (absolute + relative, default 1e-4). */
  tol?: number;
  /** Finite-difference step (default 1e-2) and tolerance (absolute + relative, default 1e-2). */
  fdStep?: number;
  fdTol?: number;
}
