import { cast, div, expandDims, mul, sum, type Tensor } from '@strata/tensor';
import type { CallOptions } from '../../layer';
import { BaseGlobalPooling, type BaseGlobalPoolingArgs } from './base-global-pooling';

/** The options of {@link GlobalAveragePooling1D}: those of `BaseGlobalPoolingArgs`. */
export type GlobalAveragePooling1DArgs = BaseGlobalPoolingArgs;

/**
 * The mean over the steps of a sequence: [batch, steps, channels] → [batch, channels]. With a mask
 * ([batch, steps], from Embedding(maskZero) or Masking), only the unmasked steps are averaged, as Keras.
 *
 * @example
 * ```ts
 * const y = new GlobalAveragePooling1D().apply(tensor([[[1, 2], [3, 4]]])); // [[2, 3]]
 * ```
 */
export class GlobalAveragePooling1D extends BaseGlobalPooling {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'GlobalAveragePooling1D';

  constructor(args: GlobalAveragePooling1DArgs = {}) {
    super(1, 'average', args);
    this.supportsMasking = true;
  }

  /** Averages over the steps, counting only the unmasked ones when a mask is given. */
  override call(inputs: Tensor, options: CallOptions = {}): Tensor {
    const mask = options.mask as Tensor | null | undefined;
    if (!mask) return super.call(inputs);
    const steps = this.dataFormat === 'channels_last' ? 1 : 2;
    const weights = expandDims(cast(mask, inputs.dtype), this.dataFormat === 'channels_last' ? 2 : 1);
    return div(sum(mul(inputs, weights), steps, this.keepdims), sum(weights, steps, this.keepdims));
  }

  /** The steps are pooled away, and their mask with them. */
  override computeMask(): null {
    return null;
  }
}
