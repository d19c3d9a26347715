import { SpatialDropout, type SpatialDropoutNdArgs } from './spatial-dropout';

/** Drops whole feature volumes of a volume batch (NDHWC, or NCDHW with dataFormat) during training. */
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
