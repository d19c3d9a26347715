import { add, expandDims, separableConv2d, type Shape, type Tensor, type Variable } from '@strata/tensor';
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
import { asImageRow } from './base-depthwise-conv';
import { serializeWeightSettings, weightSettings, type WeightSettings } from './weight-settings';

/** The options of SeparableConv1D and SeparableConv2D (Keras 3's, in camelCase). */
export interface BaseSeparableConvArgs extends LayerArgs {
  /** The number of output channels (filters in the convolution). */
  filters: number;
  /** The window size: one integer for every spatial axis, or one per axis. */
  kernelSize: number | readonly number[];
  /** The step between windows: one integer for every spatial axis, or one per axis. Default: 1. */
  strides?: number | readonly number[];
  /**
   * `'valid'` (no padding: the output shrinks) or `'same'` (zero padding so that stride 1 keeps the size). Default:
   * `'valid'`.
   */
  padding?: 'valid' | 'same';
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
  /** Depthwise output channels per input channel, before the pointwise mix. */
  depthMultiplier?: number;
  /** Applied to the output of the pointwise step. Default: none (linear). */
  activation?: ActivationIdentifier;
  /** Whether a bias vector is added. Default: true. */
  useBias?: boolean;
  /** How the depthwise kernel starts. Default: `'glorotUniform'`. */
  depthwiseInitializer?: InitializerIdentifier;
  /** How the pointwise kernel starts. Default: `'glorotUniform'`. */
  pointwiseInitializer?: InitializerIdentifier;
  /** How the bias starts. Default: `'zeros'`. */
  biasInitializer?: InitializerIdentifier;
  /** A penalty on the depthwise kernel, added to the layer's losses. Default: none. */
  depthwiseRegularizer?: RegularizerIdentifier | null;
  /** A penalty on the pointwise kernel, added to the layer's losses. Default: none. */
  pointwiseRegularizer?: RegularizerIdentifier | null;
  /** A penalty on the bias, added to the layer's losses. Default: none. */
  biasRegularizer?: RegularizerIdentifier | null;
  /** A projection applied to the depthwise kernel after each optimizer step. Default: none. */
  depthwiseConstraint?: ConstraintIdentifier | null;
  /** A projection applied to the pointwise kernel after each optimizer step. Default: none. */
  pointwiseConstraint?: ConstraintIdentifier | null;
  /** A projection applied to the bias after each optimizer step. Default: none. */
  biasConstraint?: ConstraintIdentifier | null;
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
    if (args === null || typeof args !== 'object')
      throw new LayerError(
        `${name}: expected an options object with filters and kernelSize, received ${JSON.stringify(args)}`,
      );
    this.rank = rank;
    this.filters = positiveInteger(name, 'filters', args.filters);
    this.kernelSize = standardizeTuple(name, 'kernelSize', args.kernelSize, rank);
    this.strides = standardizeTuple(name, 'strides', args.strides ?? 1, rank);
    this.padding = standardizePadding(name, args.padding) as 'valid' | 'same';
    this.dataFormat = standardizeDataFormat(name, args.dataFormat);
    this.dilationRate = standardizeTuple(name, 'dilationRate', args.dilationRate ?? 1, rank);
    checkStridesAndDilation(name, this.strides, this.dilationRate);
    this.depthMultiplier = positiveInteger(name, 'depthMultiplier', args.depthMultiplier ?? 1);
    this.activation = getActivation(args.activation);
    this.useBias = standardizeBoolean(name, 'useBias', args.useBias, true);
    this.depthwiseSettings = weightSettings(
      args.depthwiseInitializer,
      'glorotUniform',
      args.depthwiseRegularizer,
      args.depthwiseConstraint,
    );
    this.pointwiseSettings = weightSettings(
      args.pointwiseInitializer,
      'glorotUniform',
      args.pointwiseRegularizer,
      args.pointwiseConstraint,
    );
    this.biasSettings = weightSettings(args.biasInitializer, 'zeros', args.biasRegularizer, args.biasConstraint);
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
      ...serializeWeightSettings('depthwise', this.depthwiseSettings),
      ...serializeWeightSettings('pointwise', this.pointwiseSettings),
      ...serializeWeightSettings('bias', this.biasSettings),
    };
  }
}
