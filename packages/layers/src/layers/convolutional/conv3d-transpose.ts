import { BaseConvTranspose, type BaseConvTransposeArgs } from './base-conv-transpose';

/** The options of {@link Conv3DTranspose}: those of `BaseConvTransposeArgs`. */
export type Conv3DTransposeArgs = BaseConvTransposeArgs;

/**
 * Transposed 3-D convolution (upsamples volumes): kernel [kd, kh, kw, filters, inChannels].
 *
 * Input: [batch, depth, height, width, channels]. Output: [batch, newDepth, newHeight, newWidth, filters], each size
 * computed as for Conv2DTranspose.
 *
 * @example
 * ```ts
 * const y = new Conv3DTranspose({ filters: 2, kernelSize: 2, strides: 2 }).apply(ones([1, 4, 4, 4, 3]));
 * // shape [1, 8, 8, 8, 2]
 * ```
 */
export class Conv3DTranspose extends BaseConvTranspose {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'Conv3DTranspose';

  constructor(args: Conv3DTransposeArgs) {
    super(3, args);
  }
}
