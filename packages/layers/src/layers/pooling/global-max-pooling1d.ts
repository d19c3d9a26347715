import { BaseGlobalPooling, type BaseGlobalPoolingArgs } from './base-global-pooling';

/** The options of {@link GlobalMaxPooling1D}: those of `BaseGlobalPoolingArgs`. */
export type GlobalMaxPooling1DArgs = BaseGlobalPoolingArgs;

/**
 * The max over the steps of a sequence: [batch, steps, channels] → [batch, channels].
 *
 * With `keepdims`: [batch, 1, channels].
 *
 * @example
 * ```ts
 * const y = new GlobalMaxPooling1D().apply(tensor([[[1, 4], [3, 2]]])); // [[3, 4]]
 * ```
 */
export class GlobalMaxPooling1D extends BaseGlobalPooling {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'GlobalMaxPooling1D';

  constructor(args: GlobalMaxPooling1DArgs = {}) {
    super(1, 'max', args);
  }
}
