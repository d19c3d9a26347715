import { BaseConv, type BaseConvArgs } from './base-conv';

/** The options of {@link Conv2D}: those of {@link BaseConvArgs}. */
export type Conv2DArgs = BaseConvArgs;

/** 2-D convolution over images [batch, height, width, channels]: kernel [kh, kw, inChannels / groups, filters]. */
export class Conv2D extends BaseConv {
  static override className = 'Conv2D';

  constructor(args: Conv2DArgs) {
    super(2, args);
  }
}
