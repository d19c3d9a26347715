import { pad, type Shape, type Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { standardizeDataFormat, type DataFormat } from '../convolutional/conv-utils';
import { adjust, standardizeMargins2d, type Margin } from './reshape-utils';

export interface ZeroPadding2DArgs extends LayerArgs {
  /** n, [height, width] (symmetric), or [[top, bottom], [left, right]] (default 1). */
  padding?: number | readonly [number, number] | readonly [readonly [number, number], readonly [number, number]];
  /** `'channels_last'` ([batch, height, width, channels]) or `'channels_first'`. Default: `'channels_last'`. */
  dataFormat?: DataFormat;
}

/**
 * Pads the rows and columns of images with zeros.
 *
 * Input: [batch, height, width, channels] (or channels first). Output: [batch, top + height + bottom, left + width +
 * right, channels].
 *
 * @example
 * ```ts
 * const y = new ZeroPadding2D({ padding: 1 }).apply(ones([1, 28, 28, 3])); // shape [1, 30, 30, 3]
 * ```
 */
export class ZeroPadding2D extends Layer {
  static override className = 'ZeroPadding2D';
  /** The zeros added at the top and bottom, then at the left and right. */
  readonly padding: [Margin, Margin];
  /** Where the channels axis is: last or first. */
  readonly dataFormat: DataFormat;

  constructor(args: ZeroPadding2DArgs = {}) {
    super(args ?? {});
    this.padding = standardizeMargins2d('ZeroPadding2D', 'padding', args?.padding ?? 1);
    this.dataFormat = standardizeDataFormat('ZeroPadding2D', args?.dataFormat);
    this.inputSpec = { ndim: 4 };
  }

  /** The [before, after] of each axis of the input. */
  private paddings(): Margin[] {
    const none: Margin = [0, 0];
    const [rows, cols] = this.padding;
    return this.dataFormat === 'channels_last' ? [none, rows, cols, none] : [none, none, rows, cols];
  }

  override call(inputs: Tensor): Tensor {
    return pad(inputs, this.paddings());
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const paddings = this.paddings();
    return (inputShape as Shape).map((d, i) => adjust(d, paddings[i], 1));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), padding: this.padding, dataFormat: this.dataFormat };
  }
}
