import { add, depthwiseConv2d, expandDims, type Shape, type Tensor, type Variable } from '@strata/tensor';
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
 * The options of DepthwiseConv1D and DepthwiseConv2D (Keras 3's, in camelCase);
 * `depthwiseInitializer` defaults to 'glorotUniform'.
 */
export interface BaseDepthwiseConvArgs extends ConvWindowArgs, WeightArgs<'depthwise'> {
  /**
   * `'valid'` (no padding: the output shrinks) or `'same'` (zero padding so that stride 1 keeps the size).
   * Default: `'valid'`.
   */
  padding?: 'valid' | 'same';
  /** Output channels per input channel. */
  depthMultiplier?: number;
}

/**
 * Keras's BaseDepthwiseConv: each input channel convolved with its own `depthMultiplier` filters,
 * kernel [...kernelSize, inChannels, depthMultiplier] (named `kernel`, as Keras 3), bias [inChannels * depthMultiplier].
 *
 * @example
 * ```ts
 * // DepthwiseConv2D is this class with the rank fixed:
 * class MyDepthwiseConv2D extends BaseDepthwiseConv {
 *   static override className = 'MyDepthwiseConv2D';
 *   constructor(args: BaseDepthwiseConvArgs) {
 *     super(2, args);
 *   }
 * }
 * ```
 */
export class BaseDepthwiseConv extends Layer {
  static override className = 'BaseDepthwiseConv';
  /** The number of spatial axes (1, 2 or 3), fixed by the subclass. */
  readonly rank: number;
  /** The window size per spatial axis. */
  readonly kernelSize: number[];
  /** The step between windows per spatial axis. */
  readonly strides: number[];
  /** The padding mode, `'valid'` or `'same'`. */
  readonly padding: 'valid' | 'same';
  /** Output channels of the depthwise step per input channel. */
  readonly depthMultiplier: number;
  /** Where the channels axis is: last or first. */
  readonly dataFormat: DataFormat;
  /** The spacing between kernel taps per spatial axis. */
  readonly dilationRate: number[];
  /** The activation applied to the output. */
  readonly activation: Activation;
  /** Whether a bias is added. */
  readonly useBias: boolean;
  /** The depthwise kernel's initializer, regularizer and constraint. */
  readonly depthwiseSettings: WeightSettings;
  /** The bias's initializer, regularizer and constraint. */
  readonly biasSettings: WeightSettings;
  /** The depthwise kernel [...kernelSize, inChannels, depthMultiplier]; created by build(). */
  kernel!: Variable;
  /** The bias [inChannels * depthMultiplier], or null when `useBias` is false; created by build(). */
  bias: Variable | null = null;

  constructor(rank: number, args: BaseDepthwiseConvArgs) {
    super(args ?? {});
    const name = (this.constructor as typeof Layer).className;
    checkOptionsObject(name, args, 'kernelSize');
    this.rank = rank;
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
    this.inputSpec = { ndim: rank + 2 };
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = inputShape as Shape;
    const channels = inputChannels(this, shape, this.dataFormat);
    this.computeOutputShape(shape);
    this.kernel = this.addWeight(
      'kernel',
      [...this.kernelSize, channels, this.depthMultiplier],
      this.depthwiseSettings,
    );
    if (this.useBias) this.bias = this.addWeight('bias', [channels * this.depthMultiplier], this.biasSettings);
    this.inputSpec = { ndim: this.rank + 2, axes: { [channelAxis(this.dataFormat)]: channels } };
    this.built = true;
  }

  override call(inputs: Tensor): Tensor {
    const x = toChannelsLast(inputs, this.dataFormat);
    const z =
      this.rank === 2
        ? depthwiseConv2d(x, this.kernel, this.options2d())
        : asImageRow(x, (image) => depthwiseConv2d(image, expandDims(this.kernel, 0), this.options2d()));
    const y = this.activation(this.bias ? add(z, this.bias) : z);
    return fromChannelsLast(y, this.dataFormat);
  }

  /** @internal The 2-D window options (a 1-D layer's with a height of 1). */
  protected options2d(): { strides: [number, number]; padding: 'valid' | 'same'; dilations: [number, number] } {
    const pair = (v: number[]): [number, number] => (v.length === 1 ? [1, v[0]] : [v[0], v[1]]);
    return { strides: pair(this.strides), padding: this.padding, dilations: pair(this.dilationRate) };
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const shape = shapeToChannelsLast(inputShape as Shape, this.dataFormat);
    const spatial = windowOutputSpatial(this.name, shape, this);
    const channels = shape[shape.length - 1];
    return shapeFromChannelsLast(
      [shape[0], ...spatial, channels === null ? null : channels * this.depthMultiplier],
      this.dataFormat,
    );
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      depthMultiplier: this.depthMultiplier,
      kernelSize: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      dataFormat: this.dataFormat,
      dilationRate: this.dilationRate,
      activation: serializeActivation(this.activation),
      useBias: this.useBias,
      ...weightConfig({ depthwise: this.depthwiseSettings, bias: this.biasSettings }),
    };
  }
}
