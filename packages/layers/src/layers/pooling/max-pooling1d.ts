import { BasePooling, type BasePoolingArgs } from './base-pooling';

/** The options of {@link MaxPooling1D}: those of `BasePoolingArgs`. */
export type MaxPooling1DArgs = BasePoolingArgs;

/**
 * Max over windows of poolSize steps of a sequence [batch, steps, channels] (poolSize default 2).
 *
 * Output: [batch, newSteps, channels], newSteps = floor((steps − poolSize) / strides) + 1 with 'valid', ceil(steps /
 * strides) with 'same'.
 *
 * @example
 * ```ts
 * const y = new MaxPooling1D({ poolSize: 2 }).apply(tensor([[[1], [3], [2], [5]]])); // [[[3], [5]]]
 * ```
 */
export class MaxPooling1D extends BasePooling {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'MaxPooling1D';

  constructor(args: MaxPooling1DArgs = {}) {
    super(1, 'max', 2, args);
  }
}
