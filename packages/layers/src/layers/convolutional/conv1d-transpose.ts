import { BaseConvTranspose, type BaseConvTransposeArgs } from './base-conv-transpose';

/** The options of {@link Conv1DTranspose}: those of `BaseConvTransposeArgs`. */
export type Conv1DTransposeArgs = BaseConvTransposeArgs;

/**
 * Transposed 1-D convolution (upsamples sequences): kernel [kernelSize, filters, inChannels].
 *
 * Input: [batch, steps, channels]. Output: [batch, newSteps, filters], newSteps = steps × strides with 'same', (steps −
 * 1) × strides + kernelSize with 'valid' (plus `outputPadding` where given).
 *
 * @example
 * ```ts
 * const y = new Conv1DTranspose({ filters: 4, kernelSize: 3, strides: 2, padding: 'same' }).apply(ones([1, 10, 8]));
 * // shape [1, 20, 4]
 * ```
 */
export class Conv1DTranspose extends BaseConvTranspose {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'Conv1DTranspose';

  constructor(args: Conv1DTransposeArgs) {
    super(1, args);
  }
}
