import { cast, type Shape, type Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { onlyValue, positiveIntOption } from '../normalization/option-checks';
import { aspectRatioBox, cropImages, imageSize, knownImageSize, resizeImages, withImageSize } from './image-geometry';

export interface CenterCropArgs extends LayerArgs {
  /** Output height in pixels. */
  height: number;
  /** Output width in pixels. */
  width: number;
  /** Only 'channels_last' is supported. */
  dataFormat?: 'channels_last';
}

/**
 * Crops the central `height` x `width` window of channels-last images, as Keras 3's CenterCrop. An
 * image smaller than the target on either side is instead cropped to the target aspect ratio and
 * resized (bilinear), so the output always has the target size. Output is float32.
 *
 * Input: [batch, height, width, channels] or one image [height, width, channels]. Output: the same with `height` and
 * `width` replaced.
 *
 * @example
 * ```ts
 * const y = new CenterCrop({ height: 24, width: 24 }).apply(ones([1, 32, 32, 3])); // shape [1, 24, 24, 3]
 * ```
 */
export class CenterCrop extends Layer {
  static override className = 'CenterCrop';
  /** The output height in pixels. */
  readonly height: number;
  /** The output width in pixels. */
  readonly width: number;

  constructor(args: CenterCropArgs) {
    super(args);
    this.height = positiveIntOption('CenterCrop', 'height', args?.height);
    this.width = positiveIntOption('CenterCrop', 'width', args.width);
    onlyValue('CenterCrop', 'dataFormat', args.dataFormat, 'channels_last', 'Strata images are channels-last');
    this.inputSpec = { minNdim: 3, maxNdim: 4 };
  }

  override call(inputs: Tensor): Tensor {
    const x = inputs.dtype === 'float32' ? inputs : cast(inputs, 'float32');
    const [h, w] = knownImageSize(`Layer "${this.name}"`, 'CenterCrop', x.shape);
    if (h >= this.height && w >= this.width) {
      // Keras's int(diff / 2): an odd surplus leaves the extra row or column at the end.
      return cropImages(x, {
        top: Math.floor((h - this.height) / 2),
        left: Math.floor((w - this.width) / 2),
        height: this.height,
        width: this.width,
      });
    }
    return resizeImages(
      cropImages(x, aspectRatioBox(h, w, this.height, this.width)),
      this.height,
      this.width,
      'bilinear',
    );
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const shape = inputShape as Shape;
    imageSize(`Layer "${this.name}"`, shape);
    return withImageSize(shape, this.height, this.width);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), height: this.height, width: this.width };
  }
}
