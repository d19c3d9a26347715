import { SpatialDropout, type SpatialDropoutNdArgs } from './spatial-dropout';

/**
 * Drops whole feature volumes of a volume batch (NDHWC, or NCDHW with dataFormat) during training.
 *
 * Input: [batch, depth, height, width, channels] (or channels first). Output: the same shape.
 *
 * @example
 * ```ts
 * const y = new SpatialDropout3D({ rate: 0.3 }).apply(ones([1, 4, 4, 4, 8]), { training: true });
 * ```
 */
export class SpatialDropout3D extends SpatialDropout {
  /** The Keras class name, `'SpatialDropout3D'`. */
  static override className = 'SpatialDropout3D';
  constructor(args: SpatialDropoutNdArgs) {
    super(args, 5);
  }

  /** The constructor options that rebuild this layer. */
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dataFormat: this.dataFormat };
  }
}
