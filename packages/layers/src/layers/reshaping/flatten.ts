import { transpose, type Shape, type Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { channelsLastPerm, standardizeDataFormat, type DataFormat } from '../convolutional/conv-utils';
import { reshapeKeepingBatch } from './reshape-utils';

export interface FlattenArgs extends LayerArgs {
  /** With channels_first, features are first moved to channels-last order, so both formats flatten alike (Keras). */
  dataFormat?: DataFormat;
}

/**
 * Flattens every axis but the batch: [batch, ...] → [batch, product].
 *
 * @example
 * ```ts
 * const y = new Flatten().apply(ones([2, 3, 4])); // shape [2, 12]
 * ```
 */
export class Flatten extends Layer {
  static override className = 'Flatten';
  /** Where the channels axis of the input is: last or first. */
  readonly dataFormat: DataFormat;

  constructor(args: FlattenArgs = {}) {
    super(args ?? {});
    this.dataFormat = standardizeDataFormat('Flatten', args?.dataFormat);
    this.inputSpec = { minNdim: 1 };
  }

  override call(inputs: Tensor): Tensor {
    const x =
      this.dataFormat === 'channels_first' && inputs.rank > 2
        ? transpose(inputs, channelsLastPerm(inputs.rank))
        : inputs;
    return reshapeKeepingBatch(x, this.computeOutputShape(inputs.shape).slice(1));
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const [batch, ...rest] = inputShape as Shape;
    return [batch, rest.some((d) => d === null) ? null : rest.reduce<number>((p, d) => p * (d as number), 1)];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dataFormat: this.dataFormat };
  }
}
