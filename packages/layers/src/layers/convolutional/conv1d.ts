import { BaseConv, type BaseConvArgs } from './base-conv';

/** The options of {@link Conv1D}: those of `BaseConvArgs`. */
export type Conv1DArgs = BaseConvArgs;

/**
 * 1-D convolution over a sequence [batch, steps, channels]: kernel [kernelSize, inChannels / groups, filters]. padding
 * may be 'causal' (for WaveNet-style models).
 *
 * Input: [batch, steps, channels] (channels_last) or [batch, channels, steps]. Output: [batch, newSteps, filters],
 * newSteps = ceil((steps − dilated kernel + 1) / strides) with 'valid', ceil(steps / strides) with 'same' and 'causal'.
 *
 * @example
 * ```ts
 * const model = new Sequential([
 *   input({ shape: [100, 8] }),
 *   new Conv1D({ filters: 16, kernelSize: 5, padding: 'causal', activation: 'relu' }), // [batch, 100, 16]
 * ]);
 * ```
 */
export class Conv1D extends BaseConv {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'Conv1D';

  constructor(args: Conv1DArgs) {
    super(1, args);
  }
}
