import { BaseConv, type BaseConvArgs } from './base-conv';

/** The options of {@link Conv1D}: those of {@link BaseConvArgs}. */
export type Conv1DArgs = BaseConvArgs;

/** 1-D convolution over a sequence [batch, steps, channels]: kernel [kernelSize, inChannels / groups, filters]. padding may be 'causal' (for WaveNet-style models). */
export class Conv1D extends BaseConv {
  static override className = 'Conv1D';

  constructor(args: Conv1DArgs) {
    super(1, args);
  }
}
