import { SpatialDropout, type SpatialDropoutNdArgs } from './spatial-dropout';

/** Drops whole feature maps of an image batch (NHWC, or NCHW with dataFormat) during training. */
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
