import { cast, type Shape, type Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { booleanOption, onlyValue, positiveIntOption } from '../normalization/option-checks';
import {
  aspectRatioBox,
  cropImages,
  imageSize,
  interpolationOption,
  knownImageSize,
  resizeImages,
  withImageSize,
  type Interpolation,
} from './image-geometry';

export interface ResizingArgs extends LayerArgs {
  /** Output height in pixels. */
  height: number;
  /** Output width in pixels. */
  width: number;
  /** 'bilinear' (default) or 'nearest'. */
  interpolation?: Interpolation;
  /** Crop the largest centered window of the target aspect ratio first, so images are not distorted (default false). */
  cropToAspectRatio?: boolean;
  /** Keras's padding to the aspect ratio: not supported yet, only false is accepted. */
  padToAspectRatio?: boolean;
  /** Keras's antialiased downscaling: not supported yet, only false is accepted. */
  antialias?: boolean;
  /** Only 'channels_last' is supported. */
  dataFormat?: 'channels_last';
}

/**
 * Resizes channels-last images (rank 4, or rank 3 for one image) to `height` x `width`, as Keras 3's
 * Resizing: half-pixel centers (TensorFlow's tf.image.resize), float32 output.
 *
 * Output: [batch, height, width, channels] (or [height, width, channels] for one image).
 *
 * @example
 * ```ts
 * const y = new Resizing({ height: 64, width: 64 }).apply(ones([1, 32, 48, 3])); // shape [1, 64, 64, 3]
 * ```
 */
export class Resizing extends Layer {
  static override className = 'Resizing';
  /** The output height in pixels. */
  readonly height: number;
  /** The output width in pixels. */
  readonly width: number;
  /** How pixels are sampled: `'bilinear'` or `'nearest'`. */
  readonly interpolation: Interpolation;
  /** Whether the largest centred window of the target aspect ratio is cropped first. */
  readonly cropToAspectRatio: boolean;

  constructor(args: ResizingArgs) {
    super(args);
    const cls = 'Resizing';
    this.height = positiveIntOption(cls, 'height', args?.height);
    this.width = positiveIntOption(cls, 'width', args.width);
    this.interpolation = interpolationOption(cls, args.interpolation);
    this.cropToAspectRatio = booleanOption(cls, 'cropToAspectRatio', args.cropToAspectRatio, false);
    onlyValue(
      cls,
      'padToAspectRatio',
      args.padToAspectRatio,
      false,
      'crop with cropToAspectRatio instead, or pad before this layer',
    );
    onlyValue(cls, 'antialias', args.antialias, false, 'Strata resizes without an antialiasing filter');
    onlyValue(cls, 'dataFormat', args.dataFormat, 'channels_last', 'Strata images are channels-last');
    this.inputSpec = { minNdim: 3, maxNdim: 4 };
  }

  override call(inputs: Tensor): Tensor {
    let x = inputs.dtype === 'float32' ? inputs : cast(inputs, 'float32');
    if (this.cropToAspectRatio) {
      const [h, w] = knownImageSize(`Layer "${this.name}"`, 'cropToAspectRatio', x.shape);
      x = cropImages(x, aspectRatioBox(h, w, this.height, this.width));
    }
    return resizeImages(x, this.height, this.width, this.interpolation);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const shape = inputShape as Shape;
    imageSize(`Layer "${this.name}"`, shape);
    return withImageSize(shape, this.height, this.width);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      height: this.height,
      width: this.width,
      interpolation: this.interpolation,
      cropToAspectRatio: this.cropToAspectRatio,
    };
  }
}
