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
  filters: number;
  kernelSize: number | readonly number[];
  strides?: number | readonly number[];
  padding?: 'valid' | 'same';
  dataFormat?: DataFormat;
  dilationRate?: number | readonly number[];
  /** Depthwise output channels per input channel, before the pointwise mix. */
  depthMultiplier?: number;
  activation?: ActivationIdentifier;
  useBias?: boolean;
  depthwiseInitializer?: InitializerIdentifier;
  pointwiseInitializer?: InitializerIdentifier;
  biasInitializer?: InitializerIdentifier;
  depthwiseRegularizer?: RegularizerIdentifier | null;
  pointwiseRegularizer?: RegularizerIdentifier | null;
  biasRegularizer?: RegularizerIdentifier | null;
  depthwiseConstraint?: ConstraintIdentifier | null;
  pointwiseConstraint?: ConstraintIdentifier | null;
  biasConstraint?: ConstraintIdentifier | null;
}

/**
 * Keras's BaseSeparableConv: a depthwise convolution (kernel [...kernelSize, in, depthMultiplier])
 * then a pointwise one mixing channels (kernel [...1, in * depthMultiplier, filters]), plus bias.
 */
export class BaseSeparableConv extends Layer {
  static override className = 'BaseSeparableConv';
  readonly rank: number;
  readonly filters: number;
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly padding: 'valid' | 'same';
  readonly dataFormat: DataFormat;
  readonly dilationRate: number[];
  readonly depthMultiplier: number;
  readonly activation: Activation;
  readonly useBias: boolean;
  readonly depthwiseSettings: WeightSettings;
  readonly pointwiseSettings: WeightSettings;
  readonly biasSettings: WeightSettings;
  depthwiseKernel!: Variable;
  pointwiseKernel!: Variable;
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
