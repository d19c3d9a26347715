import { SpatialDropout, type SpatialDropoutArgs } from './spatial-dropout';

/**
 * Drops whole channels of a sequence [batch, steps, channels] during training.
 *
 * Input: [batch, steps, channels]. Output: the same shape.
 *
 * @example
 * ```ts
 * const y = new SpatialDropout1D({ rate: 0.3 }).apply(ones([2, 10, 8]), { training: true });
 * ```
 */
export class SpatialDropout1D extends SpatialDropout {
  /** The Keras class name, `'SpatialDropout1D'`. */
  static override className = 'SpatialDropout1D';
  constructor(args: SpatialDropoutArgs) {
    super({ ...args, dataFormat: 'channels_last' }, 3);
  }
}
