import { resizeBilinear, type Shape, type Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import {
  fromChannelsLast,
  shapeFromChannelsLast,
  shapeToChannelsLast,
  standardizeDataFormat,
  standardizeTuple,
  toChannelsLast,
  type DataFormat,
} from '../convolutional/conv-utils';
import { repeatAlong } from './reshape-utils';

/** How UpSampling2D fills new pixels: `'nearest'` repeats, `'bilinear'` interpolates. */
export type UpSamplingInterpolation = 'nearest' | 'bilinear';

export interface UpSampling2DArgs extends LayerArgs {
  /** Upsampling factors for rows and columns (default [2, 2]). */
  size?: number | readonly number[];
  /** `'channels_last'` ([batch, height, width, channels]) or `'channels_first'`. Default: `'channels_last'`. */
  dataFormat?: DataFormat;
  /** 'nearest' repeats rows and columns; 'bilinear' interpolates (Keras 3 / TF2 pixel centres). */
  interpolation?: UpSamplingInterpolation;
}

/** Keras 3 takes these too; Strata has no kernel for them yet. */
const NOT_YET = ['bicubic', 'lanczos3', 'lanczos5', 'area'];

/**
 * Upsamples images: [batch, h, w, c] → [batch, h * size[0], w * size[1], c].
 *
 * @example
 * ```ts
 * const y = new UpSampling2D({ size: 2, interpolation: 'bilinear' }).apply(ones([1, 8, 8, 3])); // [1, 16, 16, 3]
 * ```
 */
export class UpSampling2D extends Layer {
  static override className = 'UpSampling2D';
  /** The upsampling factors for rows and columns. */
  readonly size: number[];
  /** Where the channels axis is: last or first. */
  readonly dataFormat: DataFormat;
  /** How new pixels are filled: `'nearest'` or `'bilinear'`. */
  readonly interpolation: UpSamplingInterpolation;

  constructor(args: UpSampling2DArgs = {}) {
    super(args ?? {});
    this.size = standardizeTuple('UpSampling2D', 'size', args?.size ?? 2, 2);
    this.dataFormat = standardizeDataFormat('UpSampling2D', args?.dataFormat);
    const interpolation =
      typeof args?.interpolation === 'string' ? args.interpolation.toLowerCase() : (args?.interpolation ?? 'nearest');
    if (NOT_YET.includes(interpolation as string)) {
      throw new LayerError(
        `UpSampling2D: interpolation '${interpolation}' is not supported yet; use 'nearest' or 'bilinear'`,
      );
    }
    if (interpolation !== 'nearest' && interpolation !== 'bilinear') {
      throw new LayerError(
        `UpSampling2D: interpolation must be 'nearest' or 'bilinear', received ${JSON.stringify(args?.interpolation)}`,
      );
    }
    this.interpolation = interpolation;
    this.inputSpec = { ndim: 4 };
  }

  override call(inputs: Tensor): Tensor {
    const x = toChannelsLast(inputs, this.dataFormat);
    const [sh, sw] = this.size;
    let y: Tensor;
    if (this.interpolation === 'nearest') {
      // Exact repetition, as Keras 3 (ops.repeat), rather than a resize kernel's index arithmetic.
      y = repeatAlong(repeatAlong(x, 1, sh), 2, sw);
    } else {
      // Keras 3 resizes with tf.image.resize, whose pixel centres sit at half-integers (TF2).
      const [h, w] = x.shape.slice(1, 3);
      if (h === null || w === null)
        throw new LayerError(
          `Layer "${this.name}": bilinear upsampling needs a known height and width, received shape [${inputs.shape}]`,
        );
      y = resizeBilinear(x, [h * sh, w * sw], { halfPixelCenters: true });
    }
    return fromChannelsLast(y, this.dataFormat);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const [batch, h, w, c] = shapeToChannelsLast(inputShape as Shape, this.dataFormat);
    const scale = (d: number | null, s: number) => (d === null ? null : d * s);
    return shapeFromChannelsLast([batch, scale(h, this.size[0]), scale(w, this.size[1]), c], this.dataFormat);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), size: this.size, dataFormat: this.dataFormat, interpolation: this.interpolation };
  }
}
