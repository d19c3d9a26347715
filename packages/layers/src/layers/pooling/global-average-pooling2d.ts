import { BaseGlobalPooling, type BaseGlobalPoolingArgs } from './base-global-pooling';

/** The options of {@link GlobalAveragePooling2D}: those of `BaseGlobalPoolingArgs`. */
export type GlobalAveragePooling2DArgs = BaseGlobalPoolingArgs;

/**
 * The mean over the height and width of an image: [batch, height, width, channels] → [batch, channels].
 *
 * With `keepdims`: [batch, 1, 1, channels].
 *
 * @example
 * ```ts
 * const model = new Sequential([
 *   input({ shape: [32, 32, 3] }),
 *   new Conv2D({ filters: 64, kernelSize: 3, activation: 'relu' }),
 *   new GlobalAveragePooling2D(), // [batch, 64]
 *   new Dense({ units: 10, activation: 'softmax' }),
 * ]);
 * ```
 */
export class GlobalAveragePooling2D extends BaseGlobalPooling {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'GlobalAveragePooling2D';

  constructor(args: GlobalAveragePooling2DArgs = {}) {
    super(2, 'average', args);
  }
}
