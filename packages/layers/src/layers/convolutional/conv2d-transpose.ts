import { BaseConvTranspose, type BaseConvTransposeArgs } from './base-conv-transpose';

/** The options of {@link Conv2DTranspose}: those of {@link BaseConvTransposeArgs}. */
export type Conv2DTransposeArgs = BaseConvTransposeArgs;

/** Transposed 2-D convolution (upsamples images): kernel [kh, kw, filters, inChannels]. */
export class Conv2DTranspose extends BaseConvTranspose {
  static override className = 'Conv2DTranspose';

  constructor(args: Conv2DTransposeArgs) {
    super(2, args);
  }
}
