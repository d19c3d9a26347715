import type { Shape, Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { standardizeDataFormat, type DataFormat } from '../convolutional/conv-utils';
import { adjust, checkCrop, cropAxes, standardizeMargins2d, type Margin } from './reshape-utils';

export interface Cropping2DArgs extends LayerArgs {
  /** n, [height, width] (symmetric), or [[top, bottom], [left, right]] (default 0: nothing). */
  cropping?: number | readonly [number, number] | readonly [readonly [number, number], readonly [number, number]];
  /** `'channels_last'` ([batch, height, width, channels]) or `'channels_first'`. Default: `'channels_last'`. */
  dataFormat?: DataFormat;
}

/**
 * Crops the rows and columns of images.
 *
 * Input: [batch, height, width, channels] (or channels first). Output: [batch, height − top − bottom, width − left −
 * right, channels].
 *
 * @example
 * ```ts
 * const y = new Cropping2D({ cropping: [[2, 2], [4, 4]] }).apply(ones([1, 28, 28, 3])); // shape [1, 24, 20, 3]
 * ```
 */
export class Cropping2D extends Layer {
  static override className = 'Cropping2D';
  /** The rows removed at the top and bottom, then the columns at the left and right. */
  readonly cropping: [Margin, Margin];
  /** Where the channels axis is: last or first. */
  readonly dataFormat: DataFormat;

  constructor(args: Cropping2DArgs = {}) {
    super(args ?? {});
    this.cropping = standardizeMargins2d('Cropping2D', 'cropping', args?.cropping ?? 0);
    this.dataFormat = standardizeDataFormat('Cropping2D', args?.dataFormat);
    this.inputSpec = { ndim: 4 };
  }

  /** The cropped axes of the input and their margins. */
  private margins(): Map<number, Margin> {
    const first = this.dataFormat === 'channels_last' ? 1 : 2;
    return new Map([
      [first, this.cropping[0]],
      [first + 1, this.cropping[1]],
    ]);
  }

  override call(inputs: Tensor): Tensor {
    const margins = this.margins();
    checkCrop(this.name, inputs.shape, margins);
    return cropAxes(inputs, margins);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const shape = inputShape as Shape;
    const margins = this.margins();
    checkCrop(this.name, shape, margins);
    return shape.map((d, i) => (margins.has(i) ? adjust(d, margins.get(i)!, -1) : d));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), cropping: this.cropping, dataFormat: this.dataFormat };
  }
}
