import { pad, type Shape, type Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { standardizeDataFormat, type DataFormat } from '../convolutional/conv-utils';
import { adjust, standardizeMargin, type Margin } from './reshape-utils';

export interface ZeroPadding1DArgs extends LayerArgs {
  /** Zeros added before and after the steps: n, or [before, after] (default 1). */
  padding?: number | readonly [number, number];
  /** `'channels_last'` ([batch, steps, channels]) or `'channels_first'`. Default: `'channels_last'`. */
  dataFormat?: DataFormat;
}

/**
 * Pads the steps of a sequence with zeros: [batch, steps, channels] → [batch, before + steps + after, channels].
 *
 * @example
 * ```ts
 * const y = new ZeroPadding1D({ padding: 2 }).apply(ones([1, 5, 3])); // shape [1, 9, 3]
 * ```
 */
export class ZeroPadding1D extends Layer {
  static override className = 'ZeroPadding1D';
  /** The zeros added before and after the steps. */
  readonly padding: Margin;
  /** Where the channels axis is: last or first. */
  readonly dataFormat: DataFormat;

  constructor(args: ZeroPadding1DArgs = {}) {
    super(args ?? {});
    this.padding = standardizeMargin('ZeroPadding1D', 'padding', args?.padding ?? 1);
    this.dataFormat = standardizeDataFormat('ZeroPadding1D', args?.dataFormat);
    this.inputSpec = { ndim: 3 };
  }

  private stepsAxis(): number {
    return this.dataFormat === 'channels_last' ? 1 : 2;
  }

  override call(inputs: Tensor): Tensor {
    const paddings: [number, number][] = [
      [0, 0],
      [0, 0],
      [0, 0],
    ];
    paddings[this.stepsAxis()] = this.padding;
    return pad(inputs, paddings);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    return (inputShape as Shape).map((d, i) => (i === this.stepsAxis() ? adjust(d, this.padding, 1) : d));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), padding: this.padding, dataFormat: this.dataFormat };
  }
}
