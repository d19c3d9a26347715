import { BasePooling, type BasePoolingArgs } from './base-pooling';

/** The options of {@link MaxPooling2D}: those of {@link BasePoolingArgs}. */
export type MaxPooling2DArgs = BasePoolingArgs;

/** Max over poolSize windows of an image [batch, height, width, channels] (poolSize default [2, 2]). */
export class MaxPooling2D extends BasePooling {
  static override className = 'MaxPooling2D';

  constructor(args: MaxPooling2DArgs = {}) {
    super(2, 'max', 2, args);
  }
}
