import { BaseSeparableConv, type BaseSeparableConvArgs } from './base-separable-conv';

/** The options of {@link SeparableConv2D}: those of {@link BaseSeparableConvArgs}. */
export type SeparableConv2DArgs = BaseSeparableConvArgs;

/** Depthwise-separable 2-D convolution: a depthwise convolution per channel, then a pointwise (1x1) one mixing channels. */
export class SeparableConv2D extends BaseSeparableConv {
  static override className = 'SeparableConv2D';

  constructor(args: SeparableConv2DArgs) {
    super(2, args);
  }
}
