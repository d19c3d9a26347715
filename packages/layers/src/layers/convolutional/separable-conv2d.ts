import { BaseSeparableConv, type BaseSeparableConvArgs } from './base-separable-conv';

/** The options of {@link SeparableConv2D}: those of `BaseSeparableConvArgs`. */
export type SeparableConv2DArgs = BaseSeparableConvArgs;

/**
 * Depthwise-separable 2-D convolution: a depthwise convolution per channel, then a pointwise (1x1) one mixing channels.
 *
 * Input: [batch, height, width, channels]. Output: [batch, newHeight, newWidth, filters].
 *
 * @example
 * ```ts
 * const y = new SeparableConv2D({ filters: 32, kernelSize: 3, padding: 'same' }).apply(ones([1, 16, 16, 8]));
 * // shape [1, 16, 16, 32]
 * ```
 */
export class SeparableConv2D extends BaseSeparableConv {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'SeparableConv2D';

  constructor(args: SeparableConv2DArgs) {
    super(2, args);
  }
}
