import { BasePooling, type BasePoolingArgs } from './base-pooling';

/** The options of {@link AveragePooling1D}: those of `BasePoolingArgs`. */
export type AveragePooling1DArgs = BasePoolingArgs;

/**
 * Average over windows of poolSize steps of a sequence (poolSize default 2).
 *
 * Input: [batch, steps, channels]. Output: [batch, newSteps, channels], sized as for MaxPooling1D.
 *
 * @example
 * ```ts
 * const y = new AveragePooling1D({ poolSize: 2 }).apply(tensor([[[1], [3], [2], [6]]])); // [[[2], [4]]]
 * ```
 */
export class AveragePooling1D extends BasePooling {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'AveragePooling1D';

  constructor(args: AveragePooling1DArgs = {}) {
    super(1, 'average', 2, args);
  }
}
