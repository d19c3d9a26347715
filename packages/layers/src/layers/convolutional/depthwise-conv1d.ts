import { BaseDepthwiseConv, type BaseDepthwiseConvArgs } from './base-depthwise-conv';

/** The options of {@link DepthwiseConv1D}: those of `BaseDepthwiseConvArgs`. */
export type DepthwiseConv1DArgs = BaseDepthwiseConvArgs;

/**
 * Depthwise 1-D convolution: each channel of a sequence convolved with its own depthMultiplier filters; kernel
 * [kernelSize, inChannels, depthMultiplier].
 *
 * Input: [batch, steps, channels]. Output: [batch, newSteps, channels × depthMultiplier].
 *
 * @example
 * ```ts
 * const y = new DepthwiseConv1D({ kernelSize: 3, depthMultiplier: 2 }).apply(ones([1, 10, 4])); // shape [1, 8, 8]
 * ```
 */
export class DepthwiseConv1D extends BaseDepthwiseConv {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'DepthwiseConv1D';

  constructor(args: DepthwiseConv1DArgs) {
    super(1, args);
  }
}
