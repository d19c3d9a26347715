import { BaseDepthwiseConv, type BaseDepthwiseConvArgs } from './base-depthwise-conv';

export type DepthwiseConv2DArgs = BaseDepthwiseConvArgs;

/** Depthwise 2-D convolution: each channel of an image convolved with its own depthMultiplier filters; kernel [kh, kw, inChannels, depthMultiplier]. */
export class DepthwiseConv2D extends BaseDepthwiseConv {
  static override className = 'DepthwiseConv2D';

  constructor(args: DepthwiseConv2DArgs) {
    super(2, args);
  }
}
