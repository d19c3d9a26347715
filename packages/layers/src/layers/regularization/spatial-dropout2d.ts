import { SpatialDropout, type SpatialDropoutNdArgs } from './spatial-dropout';

/**
 * Drops whole feature maps of an image batch (NHWC, or NCHW with dataFormat) during training.
 *
 * Input: [batch, height, width, channels] (or channels first). Output: the same shape.
 *
 * @example
 * ```ts
 * const y = new SpatialDropout2D({ rate: 0.3 }).apply(ones([2, 8, 8, 16]), { training: true });
 * ```
 */
export class SpatialDropout2D extends SpatialDropout {
  /** The Keras class name, `'SpatialDropout2D'`. */
  static override className = 'SpatialDropout2D';
  constructor(args: SpatialDropoutNdArgs) {
    super(args, 4);
  }

  /** The constructor options that rebuild this layer. */
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dataFormat: this.dataFormat };
  }
}
