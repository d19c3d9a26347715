import { BaseGlobalPooling, type BaseGlobalPoolingArgs } from './base-global-pooling';

/** The options of {@link GlobalMaxPooling2D}: those of `BaseGlobalPoolingArgs`. */
export type GlobalMaxPooling2DArgs = BaseGlobalPoolingArgs;

/**
 * The max over the height and width of an image: [batch, height, width, channels] → [batch, channels].
 *
 * With `keepdims`: [batch, 1, 1, channels].
 *
 * @example
 * ```ts
 * const y = new GlobalMaxPooling2D().apply(ones([2, 8, 8, 16])); // shape [2, 16]
 * ```
 */
export class GlobalMaxPooling2D extends BaseGlobalPooling {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'GlobalMaxPooling2D';

  constructor(args: GlobalMaxPooling2DArgs = {}) {
    super(2, 'max', args);
  }
}
