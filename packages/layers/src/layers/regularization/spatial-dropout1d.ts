import { SpatialDropout, type SpatialDropoutArgs } from './spatial-dropout';

/** Drops whole channels of a sequence [batch, steps, channels] during training. */
export class SpatialDropout1D extends SpatialDropout {
  /** The Keras class name, `'SpatialDropout1D'`. */
  static override className = 'SpatialDropout1D';
  constructor(args: SpatialDropoutArgs) {
    super({ ...args, dataFormat: 'channels_last' }, 3);
  }
}
