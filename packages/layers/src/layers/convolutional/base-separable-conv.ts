import { add, expandDims, separableConv2d, type Shape, type Tensor, type Variable } from '@strata/tensor';
import { Layer, type ShapeOrShapes } from '../../layer';
import { serializeActivation, type Activation } from '../../activations';
import { weightConfig, weightSettings, type WeightArgs, type WeightSettings } from '../../weight-settings';
import {
  channelAxis,
  fromChannelsLast,
  positiveInteger,
  shapeFromChannelsLast,
  shapeToChannelsLast,
  toChannelsLast,
  windowOutputSpatial,
  type DataFormat,
} from './conv-utils';
import { asImageRow, checkOptionsObject, convWindowOptions, inputChannels, type ConvWindowArgs } from './conv-options';

/**
 * The options of SeparableConv1D and SeparableConv2D (Keras 3's, in camelCase); the
 * `depthwiseInitializer` and `pointwiseInitializer` default to 'glorotUniform'.
 */
export interface BaseSeparableConvArgs extends ConvWindowArgs, WeightArgs<'depthwise' | 'pointwise'> {
  /** The number of output channels (filters in the convolution). */
  filters: number;
  /**
   * `'valid'` (no padding: the output shrinks) or `'same'` (zero padding so that stride 1 keeps the size).
   * Default: `'valid'`.
   */
  padding?: 'valid' | 'same';
  /** Depthwise output channels per input channel, before the pointwise mix. */
  depthMultiplier?: number;
}

/**
 * Keras's BaseSeparableConv: a depthwise convolution (kernel [...kernelSize, in, depthMultiplier])
 * then a pointwise one mixing channels (kernel [...1, in * depthMultiplier, filters]), plus bias.
 *
 * @example
 * ```ts
 * // SeparableConv2D is this class with the rank fixed:
 * class MySeparableConv2D extends BaseSeparableConv {
 *   static override className = 'MySeparableConv2D';
 *   constructor(args: BaseSeparableConvArgs) {
 *     super(2, args);
 *   }
 * }
 * ```
 */
export class BaseSeparableConv extends Layer {
  static override className = 'BaseSeparableConv';
  /** The number of spatial axes (1, 2 or 3), fixed by the subclass. */
  readonly rank: number;
  /** The number of output channels. */
  readonly filters: number;
  /** The window size per spatial axis. */
  readonly kernelSize: number[];
  /** The step between windows per spatial axis. */
  readonly strides: number[];
  /** The padding mode, `'valid'` or `'same'`. */
  readonly padding: 'valid' | 'same';
  /** Where the channels axis is: last or first. */
  readonly dataFormat: DataFormat;
  /** The spacing between kernel taps per spatial axis. */
  readonly dilationRate: number[];
  /** Output channels of the depthwise step per input channel. */
  readonly depthMultiplier: number;
  /** The activation applied to the output. */
  readonly activation: Activation;
  /** Whether a bias is added. */
  readonly useBias: boolean;
  /** The depthwise kernel's initializer, regularizer and constraint. */
  readonly depthwiseSettings: WeightSettings;
  /** The pointwise kernel's initializer, regularizer and constraint. */
  readonly pointwiseSettings: WeightSettings;
  /** The bias's initializer, regularizer and constraint. */
  readonly biasSettings: WeightSettings;
  /** The depthwise kernel [...kernelSize, inChannels, depthMultiplier]; created by build(). */
  depthwiseKernel!: Variable;
  /** The pointwise kernel [1, …, inChannels * depthMultiplier, filters]; created by build(). */
  pointwiseKernel!: Variable;
  /** The bias [filters], or null when `useBias` is false; created by build(). */
  bias: Variable | null = null;

  constructor(rank: number, args: BaseSeparableConvArgs) {
    super(args ?? {});
    const name = (this.constructor as typeof Layer).className;
    checkOptionsObject(name, args, 'filters and kernelSize');
    this.rank = rank;
    this.filters = positiveInteger(name, 'filters', args.filters);
    const window = convWindowOptions(name, rank, args);
    this.kernelSize = window.kernelSize;
    this.strides = window.strides;
    this.padding = window.padding as 'valid' | 'same';
    this.dataFormat = window.dataFormat;
    this.dilationRate = window.dilationRate;
    this.activation = window.activation;
    this.useBias = window.useBias;
    this.biasSettings = window.biasSettings;
    this.depthMultiplier = positiveInteger(name, 'depthMultiplier', args.depthMultiplier ?? 1);
    this.depthwiseSettings = weightSettings(args, 'depthwise', 'glorotUniform');
    this.pointwiseSettings = weightSettings(args, 'pointwise', 'glorotUniform');
    this.inputSpec = { ndim: rank + 2 };
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = inputShape as Shape;
    const channels = inputChannels(this, shape, this.dataFormat);
    this.computeOutputShape(shape);
    this.depthwiseKernel = this.addWeight(
      'depthwise_kernel',
      [...this.kernelSize, channels, this.depthMultiplier],
      this.depthwiseSettings,
    );
    this.pointwiseKernel = this.addWeight(
      'pointwise_kernel',
      [...new Array<number>(this.rank).fill(1), channels * this.depthMultiplier, this.filters],
      this.pointwiseSettings,
    );
    if (this.useBias) this.bias = this.addWeight('bias', [this.filters], this.biasSettings);
    this.inputSpec = { ndim: this.rank + 2, axes: { [channelAxis(this.dataFormat)]: channels } };
    this.built = true;
  }

  override call(inputs: Tensor): Tensor {
    const x = toChannelsLast(inputs, this.dataFormat);
    const pair = (v: number[]): [number, number] => (v.length === 1 ? [1, v[0]] : [v[0], v[1]]);
    const options = { strides: pair(this.strides), padding: this.padding, dilations: pair(this.dilationRate) };
    const z =
      this.rank === 2
        ? separableConv2d(x, this.depthwiseKernel, this.pointwiseKernel, options)
        : asImageRow(x, (image) =>
            separableConv2d(image, expandDims(this.depthwiseKernel, 0), expandDims(this.pointwiseKernel, 0), options),
          );
    const y = this.activation(this.bias ? add(z, this.bias) : z);
    return fromChannelsLast(y, this.dataFormat);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const shape = shapeToChannelsLast(inputShape as Shape, this.dataFormat);
    const spatial = windowOutputSpatial(this.name, shape, this);
    return shapeFromChannelsLast([shape[0], ...spatial, this.filters], this.dataFormat);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      dataFormat: this.dataFormat,
      dilationRate: this.dilationRate,
      depthMultiplier: this.depthMultiplier,
      activation: serializeActivation(this.activation),
      useBias: this.useBias,
      ...weightConfig({
        depthwise: this.depthwiseSettings,
        pointwise: this.pointwiseSettings,
        bias: this.biasSettings,
      }),
    };
  }
}
