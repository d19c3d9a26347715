import { BaseConvTranspose, type BaseConvTransposeArgs } from './base-conv-transpose';

/** The options of {@link Conv2DTranspose}: those of `BaseConvTransposeArgs`. */
export type Conv2DTransposeArgs = BaseConvTransposeArgs;

/**
 * Transposed 2-D convolution (upsamples images): kernel [kh, kw, filters, inChannels].
 *
 * Input: [batch, height, width, channels]. Output: [batch, newHeight, newWidth, filters], each size = size × stride
 * with 'same', (size − 1) × stride + kernel with 'valid' (plus `outputPadding` where given).
 *
 * @example
 * ```ts
 * const decoder = new Sequential([
 *   input({ shape: [7, 7, 64] }),
 *   new Conv2DTranspose({ filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }), // 14x14
 *   new Conv2DTranspose({ filters: 1, kernelSize: 3, strides: 2, padding: 'same', activation: 'sigmoid' }), // 28x28
 * ]);
 * ```
 */
export class Conv2DTranspose extends BaseConvTranspose {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'Conv2DTranspose';

  constructor(args: Conv2DTransposeArgs) {
    super(2, args);
  }
}
