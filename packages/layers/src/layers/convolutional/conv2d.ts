import { BaseConv, type BaseConvArgs } from './base-conv';

/** The options of {@link Conv2D}: those of `BaseConvArgs`. */
export type Conv2DArgs = BaseConvArgs;

/**
 * 2-D convolution over images [batch, height, width, channels]: kernel [kh, kw, inChannels / groups, filters].
 *
 * Input: [batch, height, width, channels] (channels_last) or [batch, channels, height, width]. Output: [batch,
 * newHeight, newWidth, filters]: each spatial size becomes ceil((size − dilated kernel + 1) / stride) with 'valid',
 * ceil(size / stride) with 'same'.
 *
 * @example
 * ```ts
 * const model = new Sequential([
 *   input({ shape: [28, 28, 1] }),
 *   new Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' }), // [batch, 26, 26, 32]
 *   new Conv2D({ filters: 64, kernelSize: 3, strides: 2, padding: 'same' }), // [batch, 13, 13, 64]
 * ]);
 * ```
 */
export class Conv2D extends BaseConv {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'Conv2D';

  constructor(args: Conv2DArgs) {
    super(2, args);
  }
}
