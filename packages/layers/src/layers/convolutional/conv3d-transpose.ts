import { BaseConvTranspose, type BaseConvTransposeArgs } from './base-conv-transpose';

/** The options of {@link Conv3DTranspose}: those of {@link BaseConvTransposeArgs}. */
export type Conv3DTransposeArgs = BaseConvTransposeArgs;

/** Transposed 3-D convolution (upsamples volumes): kernel [kd, kh, kw, filters, inChannels]. */
export class Conv3DTranspose extends BaseConvTranspose {
  static override className = 'Conv3DTranspose';

  constructor(args: Conv3DTransposeArgs) {
    super(3, args);
  }
}
