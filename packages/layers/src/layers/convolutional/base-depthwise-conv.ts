import { add, depthwiseConv2d, expandDims, squeeze, type Shape, type Tensor, type Variable } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { getActivation, serializeActivation, type Activation, type ActivationIdentifier } from '../../activations';
import type { InitializerIdentifier } from '../../initializers';
import type { RegularizerIdentifier } from '../../regularizers';
import type { ConstraintIdentifier } from '../../constraints';
import {
  channelAxis,
  fromChannelsLast,
  positiveInteger,
  shapeFromChannelsLast,
  shapeToChannelsLast,
  standardizeBoolean,
  standardizeDataFormat,
  standardizePadding,
  standardizeTuple,
  toChannelsLast,
  windowOutputSpatial,
  type DataFormat,
} from './conv-utils';
import { checkStridesAndDilation, inputChannels } from './base-conv';
import { serializeWeightSettings, weightSettings, type WeightSettings } from './weight-settings';

/** The options of DepthwiseConv1D and DepthwiseConv2D (Keras 3's, in camelCase). */
export interface BaseDepthwiseConvArgs extends LayerArgs {
  /** The window size: one integer for every spatial axis, or one per axis. */
  kernelSize: number | readonly number[];
  /** The step between windows: one integer for every spatial axis, or one per axis. Default: 1. */
  strides?: number | readonly number[];
  /**
   * `'valid'` (no padding: the output shrinks) or `'same'` (zero padding so that stride 1 keeps the size). Default:
   * `'valid'`.
   */
  padding?: 'valid' | 'same';
  /** Output channels per input channel. */
  depthMultiplier?: number;
  /**
   * `'channels_last'` ([batch, ...spatial, channels]) or `'channels_first'` ([batch, channels, ...spatial]). Default:
   * `'channels_last'`.
   */
  dataFormat?: DataFormat;
  /**
   * The spacing between kernel taps (atrous convolution): one integer, or one per axis. Default: 1 (cannot be combined
   * with strides > 1).
   */
  dilationRate?: number | readonly number[];
  /** Applied to the output (a name such as `'relu'` or a function). Default: none (linear). */
  activation?: ActivationIdentifier;
  /** Whether a bias vector is added. Default: true. */
  useBias?: boolean;
  /** How the depthwise kernel starts. Default: `'glorotUniform'`. */
  depthwiseInitializer?: InitializerIdentifier;
  /** How the bias starts. Default: `'zeros'`. */
  biasInitializer?: InitializerIdentifier;
  /** A penalty on the depthwise kernel, added to the layer's losses. Default: none. */
  depthwiseRegularizer?: RegularizerIdentifier | null;
  /** A penalty on the bias, added to the layer's losses. Default: none. */
  biasRegularizer?: RegularizerIdentifier | null;
  /** A projection applied to the depthwise kernel after each optimizer step. Default: none. */
  depthwiseConstraint?: ConstraintIdentifier | null;
  /** A projection applied to the bias after each optimizer step. Default: none. */
  biasConstraint?: ConstraintIdentifier | null;
}

/** Runs a 2-D window op on a channels-last sequence as an image of height 1 (as Keras's TensorFlow backend does). */
export function asImageRow(x: Tensor, op: (image: Tensor) => Tensor): Tensor {
  return squeeze(op(expandDims(x, 1)), [1]);
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
    if (args === null || typeof args !== 'object')
      throw new LayerError(`${name}: expected an options object with kernelSize, received ${JSON.stringify(args)}`);
    this.rank = rank;
    this.kernelSize = standardizeTuple(name, 'kernelSize', args.kernelSize, rank);
    this.strides = standardizeTuple(name, 'strides', args.strides ?? 1, rank);
    this.padding = standardizePadding(name, args.padding) as 'valid' | 'same';
    this.depthMultiplier = positiveInteger(name, 'depthMultiplier', args.depthMultiplier ?? 1);
    this.dataFormat = standardizeDataFormat(name, args.dataFormat);
    this.dilationRate = standardizeTuple(name, 'dilationRate', args.dilationRate ?? 1, rank);
    checkStridesAndDilation(name, this.strides, this.dilationRate);
    this.activation = getActivation(args.activation);
    this.useBias = standardizeBoolean(name, 'useBias', args.useBias, true);
    this.depthwiseSettings = weightSettings(
      args.depthwiseInitializer,
      'glorotUniform',
      args.depthwiseRegularizer,
      args.depthwiseConstraint,
    );
    this.biasSettings = weightSettings(args.biasInitializer, 'zeros', args.biasRegularizer, args.biasConstraint);
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
      ...serializeWeightSettings('depthwise', this.depthwiseSettings),
      ...serializeWeightSettings('bias', this.biasSettings),
    };
  }
}
