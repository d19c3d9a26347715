import { BaseConvTranspose, type BaseConvTransposeArgs } from './base-conv-transpose';

/** The options of {@link Conv1DTranspose}: those of {@link BaseConvTransposeArgs}. */
export type Conv1DTransposeArgs = BaseConvTransposeArgs;

/** Transposed 1-D convolution (upsamples sequences): kernel [kernelSize, filters, inChannels]. */
export class Conv1DTranspose extends BaseConvTranspose {
  static override className = 'Conv1DTranspose';

  constructor(args: Conv1DTransposeArgs) {
    super(1, args);
  }
}
