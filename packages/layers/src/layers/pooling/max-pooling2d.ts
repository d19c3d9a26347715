import { BasePooling, type BasePoolingArgs } from './base-pooling';

/** The options of {@link MaxPooling2D}: those of `BasePoolingArgs`. */
export type MaxPooling2DArgs = BasePoolingArgs;

/**
 * Max over poolSize windows of an image [batch, height, width, channels] (poolSize default [2, 2]).
 *
 * Output: [batch, newHeight, newWidth, channels], each size floor((size − pool) / stride) + 1 with 'valid', ceil(size /
 * stride) with 'same'.
 *
 * @example
 * ```ts
 * const model = new Sequential([
 *   input({ shape: [28, 28, 1] }),
 *   new Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' }), // [batch, 26, 26, 32]
 *   new MaxPooling2D({ poolSize: 2 }), // [batch, 13, 13, 32]
 * ]);
 * ```
 */
export class MaxPooling2D extends BasePooling {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'MaxPooling2D';

  constructor(args: MaxPooling2DArgs = {}) {
    super(2, 'max', 2, args);
  }
}
