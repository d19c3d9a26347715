import { BaseSeparableConv, type BaseSeparableConvArgs } from './base-separable-conv';

/** The options of {@link SeparableConv1D}: those of `BaseSeparableConvArgs`. */
export type SeparableConv1DArgs = BaseSeparableConvArgs;

/**
 * Depthwise-separable 1-D convolution: a depthwise convolution per channel, then a pointwise (kernel size 1) one mixing
 * channels.
 *
 * Input: [batch, steps, channels]. Output: [batch, newSteps, filters].
 *
 * @example
 * ```ts
 * const y = new SeparableConv1D({ filters: 8, kernelSize: 3 }).apply(ones([1, 10, 4])); // shape [1, 8, 8]
 * ```
 */
export class SeparableConv1D extends BaseSeparableConv {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'SeparableConv1D';

  constructor(args: SeparableConv1DArgs) {
    super(1, args);
  }
}
