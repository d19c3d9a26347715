import { BasePooling, type BasePoolingArgs } from './base-pooling';

/** The options of {@link AveragePooling2D}: those of `BasePoolingArgs`. */
export type AveragePooling2DArgs = BasePoolingArgs;

/**
 * Average over poolSize windows of an image (poolSize default [2, 2]).
 *
 * Input: [batch, height, width, channels]. Output: [batch, newHeight, newWidth, channels], sized as for MaxPooling2D.
 *
 * @example
 * ```ts
 * const y = new AveragePooling2D({ poolSize: 2 }).apply(ones([1, 4, 4, 3])); // shape [1, 2, 2, 3]
 * ```
 */
export class AveragePooling2D extends BasePooling {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'AveragePooling2D';

  constructor(args: AveragePooling2DArgs = {}) {
    super(2, 'average', 2, args);
  }
}
