import { BaseConv, type BaseConvArgs } from './base-conv';

/** The options of {@link Conv3D}: those of {@link BaseConvArgs}. */
export type Conv3DArgs = BaseConvArgs;

/** 3-D convolution over volumes [batch, depth, height, width, channels]: kernel [kd, kh, kw, inChannels / groups, filters]. */
export class Conv3D extends BaseConv {
  static override className = 'Conv3D';

  constructor(args: Conv3DArgs) {
    super(3, args);
  }
}
