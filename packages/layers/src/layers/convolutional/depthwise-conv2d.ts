import { BaseDepthwiseConv, type BaseDepthwiseConvArgs } from './base-depthwise-conv';

/** The options of {@link DepthwiseConv2D}: those of `BaseDepthwiseConvArgs`. */
export type DepthwiseConv2DArgs = BaseDepthwiseConvArgs;

/**
 * Depthwise 2-D convolution: each channel of an image convolved with its own depthMultiplier filters; kernel [kh, kw,
 * inChannels, depthMultiplier].
 *
 * Input: [batch, height, width, channels]. Output: [batch, newHeight, newWidth, channels × depthMultiplier].
 *
 * @example
 * ```ts
 * const y = new DepthwiseConv2D({ kernelSize: 3, padding: 'same' }).apply(ones([1, 32, 32, 16])); // [1, 32, 32, 16]
 * ```
 */
export class DepthwiseConv2D extends BaseDepthwiseConv {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'DepthwiseConv2D';

  constructor(args: DepthwiseConv2DArgs) {
    super(2, args);
  }
}
