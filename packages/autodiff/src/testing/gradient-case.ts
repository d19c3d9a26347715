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
  /** Required unless `oracleGap` says why there is none. */
  oracle?: (tf: typeof tfc, ...xs: tfc.Tensor[]) => tfc.Tensor;
  /**
   * Set (with the reason) where TensorFlow.js cannot serve as an oracle for this case (a flag its
   * kernels ignore): then only finite differences check it. Keep this rare.
   */
  oracleGap?: string;
  wrt?: readonly number[];
  /** Tolerance against TensorFlow.js's gradient (absolute + relative, default 1e-4). */
  tol?: number;
  /** Finite-difference step (default 1e-2) and tolerance (absolute + relative, default 1e-2). */
  fdStep?: number;
  fdTol?: number;
}
