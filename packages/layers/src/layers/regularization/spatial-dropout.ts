import type { Seed, Tensor } from '@strata/tensor';
import type { LayerArgs } from '../../layer';
import { LayerError } from '../../errors';
import { Dropout } from './dropout';

export type DataFormat = 'channels_last' | 'channels_first';

export interface SpatialDropoutArgs extends LayerArgs {
  /** The fraction of channels dropped during training, in [0, 1). */
  rate: number;
  /** Makes the sequence of masks reproducible. Default: null (unseeded). */
  seed?: Seed | null;
}

export interface SpatialDropoutNdArgs extends SpatialDropoutArgs {
  /** Where the channels are: last (NHWC, the default, as TensorFlow.js) or after the batch (NCHW). */
  dataFormat?: DataFormat;
}

/**
 * Dropout of whole feature maps: one draw per (example, channel), shared across positions, since
 * neighbouring positions are correlated and per-element dropout would barely regularise them.
 */
export abstract class SpatialDropout extends Dropout {
  /** Where the channels are: last or after the batch axis. */
  readonly dataFormat: DataFormat;

  constructor(args: SpatialDropoutNdArgs, rank: number) {
    if (args && 'noiseShape' in args)
      throw new LayerError(
        `${new.target.className}: noiseShape is set by the layer (one draw per example and channel) and cannot be given`,
      );
    super({ ...args, rate: args?.rate });
    const format = args.dataFormat ?? 'channels_last';
    if (format !== 'channels_last' && format !== 'channels_first') {
      throw new LayerError(
        `${new.target.className}: dataFormat must be 'channels_last' or 'channels_first', received ${JSON.stringify(args.dataFormat)}`,
      );
    }
    this.dataFormat = format;
    this.inputSpec = { ndim: rank };
  }

  protected override maskShape(x: Tensor): (number | null)[] {
    const spatial = x.shape.length - 2;
    const ones = Array<number>(spatial).fill(1);
    return this.dataFormat === 'channels_last' ? [null, ...ones, null] : [null, null, ...ones];
  }

  /** The constructor options that rebuild this layer (no `noiseShape`: the layer sets it). */
  override getConfig(): Record<string, unknown> {
    const { noiseShape: _unused, ...config } = super.getConfig();
    return config;
  }
}
