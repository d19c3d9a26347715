import {
  add,
  concat,
  conv1d,
  conv2d,
  conv3d,
  fusedConv2d,
  split,
  type Shape,
  type Tensor,
  type Variable,
} from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
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
  type ConvPadding,
  type DataFormat,
} from './conv-utils';
import { serializeWeightSettings, weightSettings, type WeightSettings } from './weight-settings';
import { fusedActivation } from '../../activations/fusable';

/** The options of Conv1D, Conv2D and Conv3D (Keras 3's, in camelCase). */
export interface BaseConvArgs extends LayerArgs {
  filters: number;
  kernelSize: number | readonly number[];
  strides?: number | readonly number[];
  /** 'causal' (Conv1D only) pads the start so that no output step sees a later input step. */
  padding?: ConvPadding;
  dataFormat?: DataFormat;
  dilationRate?: number | readonly number[];
  /** Splits the input channels into `groups` blocks, each convolved with its own `filters / groups` filters. */
  groups?: number;
  activation?: ActivationIdentifier;
  useBias?: boolean;
  kernelInitializer?: InitializerIdentifier;
  biasInitializer?: InitializerIdentifier;
  kernelRegularizer?: RegularizerIdentifier | null;
  biasRegularizer?: RegularizerIdentifier | null;
  kernelConstraint?: ConstraintIdentifier | null;
  biasConstraint?: ConstraintIdentifier | null;
  /** Keras 3's LoRA fine-tuning: not supported yet (null or absent only). */
  loraRank?: null;
}

/** Keras's refusal of strided and dilated windows together (TensorFlow has no kernel for it). */
export function checkStridesAndDilation(
  layer: string,
  strides: readonly number[],
  dilationRate: readonly number[],
): void {
  if (Math.max(...strides) > 1 && Math.max(...dilationRate) > 1) {
    throw new LayerError(
      `${layer}: strides > 1 is not supported together with dilationRate > 1, received strides=${fmtShape(strides)} and dilationRate=${fmtShape(dilationRate)}; set one of them to 1`,
    );
  }
}

/** The input channels of a shape, which must be known to build the weights. */
export function inputChannels(layer: Layer, shape: Shape, dataFormat: DataFormat): number {
  const channels = dataFormat === 'channels_last' ? shape[shape.length - 1] : shape[1];
  if (channels === null || channels === undefined) {
    throw new LayerError(
      `Layer "${layer.name}": the channels axis of the input must be known to build the layer, received shape ${fmtShape(shape)} (${dataFormat})`,
    );
  }
  return channels;
}

/**
 * The N-D convolution layer (Keras's BaseConv): `activation(conv(x, kernel) + bias)`, with kernel
 * [...kernelSize, inChannels / groups, filters]. Conv1D, Conv2D and Conv3D fix the rank.
 */
export class BaseConv extends Layer {
  static override className = 'BaseConv';
  readonly rank: number;
  readonly filters: number;
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly padding: ConvPadding;
  readonly dataFormat: DataFormat;
  readonly dilationRate: number[];
  readonly groups: number;
  readonly activation: Activation;
  readonly useBias: boolean;
  readonly kernelSettings: WeightSettings;
  readonly biasSettings: WeightSettings;
  kernel!: Variable;
  bias: Variable | null = null;

  constructor(rank: number, args: BaseConvArgs) {
    super(args ?? {});
    const name = (this.constructor as typeof Layer).className;
    if (args === null || typeof args !== 'object')
      throw new LayerError(
        `${name}: expected an options object with filters and kernelSize, received ${JSON.stringify(args)}`,
      );
    if (args.loraRank != null)
      throw new LayerError(
        `${name}: loraRank (LoRA) is not supported yet, received ${JSON.stringify(args.loraRank)}; leave it unset`,
      );
    this.rank = rank;
    this.filters = positiveInteger(name, 'filters', args.filters);
    this.kernelSize = standardizeTuple(name, 'kernelSize', args.kernelSize, rank);
    this.strides = standardizeTuple(name, 'strides', args.strides ?? 1, rank);
    this.padding = standardizePadding(name, args.padding, rank === 1);
    this.dataFormat = standardizeDataFormat(name, args.dataFormat);
    this.dilationRate = standardizeTuple(name, 'dilationRate', args.dilationRate ?? 1, rank);
    this.groups = positiveInteger(name, 'groups', args.groups ?? 1);
    if (this.filters % this.groups !== 0) {
      throw new LayerError(
        `${name}: filters must be divisible by groups, received filters=${this.filters} and groups=${this.groups}`,
      );
    }
    checkStridesAndDilation(name, this.strides, this.dilationRate);
    this.activation = getActivation(args.activation);
    this.useBias = standardizeBoolean(name, 'useBias', args.useBias, true);
    this.kernelSettings = weightSettings(
      args.kernelInitializer,
      'glorotUniform',
      args.kernelRegularizer,
      args.kernelConstraint,
    );
    this.biasSettings = weightSettings(args.biasInitializer, 'zeros', args.biasRegularizer, args.biasConstraint);
    this.inputSpec = { ndim: rank + 2 };
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = inputShape as Shape;
    const channels = inputChannels(this, shape, this.dataFormat);
    if (channels % this.groups !== 0) {
      throw new LayerError(
        `Layer "${this.name}": the input channels must be divisible by groups, received groups=${this.groups} and an input of shape ${fmtShape(shape)} (${channels} channels)`,
      );
    }
    this.computeOutputShape(shape);
    this.kernel = this.addWeight(
      'kernel',
      [...this.kernelSize, channels / this.groups, this.filters],
      this.kernelSettings,
    );
    if (this.useBias) this.bias = this.addWeight('bias', [this.filters], this.biasSettings);
    this.inputSpec = { ndim: this.rank + 2, axes: { [channelAxis(this.dataFormat)]: channels } };
    this.built = true;
  }

  override call(inputs: Tensor): Tensor {
    const x = toChannelsLast(inputs, this.dataFormat);
    let y = this.fused(x);
    if (!y) {
      const z = this.grouped(x, this.kernel);
      y = this.activation(this.bias ? add(z, this.bias) : z);
    }
    return fromChannelsLast(y, this.dataFormat);
  }

  /**
   * conv + bias + activation in one kernel, where there is one (2-D, ungrouped) and the activation
   * allows; its gradient rule decomposes it, so training is unaffected. Null otherwise.
   */
  private fused(x: Tensor): Tensor | null {
    const activation = this.rank === 2 && this.groups === 1 ? fusedActivation(this.activation) : null;
    if (!activation) return null;
    const geometry = {
      strides: this.strides as [number, number],
      padding: this.padding as 'valid' | 'same',
      dilations: this.dilationRate as [number, number],
    };
    return fusedConv2d({ x, filter: this.kernel, bias: this.bias ?? undefined, ...geometry, ...activation });
  }

  /** A grouped convolution is `groups` convolutions side by side: input and filter blocks paired in order. */
  private grouped(x: Tensor, kernel: Tensor): Tensor {
    if (this.groups === 1) return this.convolve(x, kernel);
    const xs = split(x, this.groups, x.rank - 1);
    const ks = split(kernel, this.groups, kernel.rank - 1);
    return concat(
      xs.map((part, i) => this.convolve(part, ks[i])),
      x.rank - 1,
    );
  }

  /** The channels-last convolution of this rank. */
  protected convolve(x: Tensor, kernel: Tensor): Tensor {
    const options = { strides: this.strides, padding: this.padding, dilations: this.dilationRate };
    if (this.rank === 1)
      return conv1d(x, kernel, { strides: this.strides[0], padding: this.padding, dilations: this.dilationRate[0] });
    if (this.rank === 2)
      return conv2d(
        x,
        kernel,
        options as { strides: [number, number]; padding: 'valid' | 'same'; dilations: [number, number] },
      );
    return conv3d(
      x,
      kernel,
      options as { strides: [number, number, number]; padding: 'valid' | 'same'; dilations: [number, number, number] },
    );
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
      groups: this.groups,
      activation: serializeActivation(this.activation),
      useBias: this.useBias,
      ...serializeWeightSettings('kernel', this.kernelSettings),
      ...serializeWeightSettings('bias', this.biasSettings),
    };
  }
}
