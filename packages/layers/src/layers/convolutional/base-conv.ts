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
import { Layer, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
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
  type ConvPadding,
  type DataFormat,
} from './conv-utils';
import { checkOptionsObject, convWindowOptions, inputChannels, type ConvWindowArgs } from './conv-options';
import { fusedActivation } from '../../activations/fusable';

/** The options of Conv1D, Conv2D and Conv3D (Keras 3's, camelCase); `kernelInitializer` defaults to 'glorotUniform'. */
export interface BaseConvArgs extends ConvWindowArgs, WeightArgs<'kernel'> {
  /** The number of output channels (filters in the convolution). */
  filters: number;
  /** 'causal' (Conv1D only) pads the start so that no output step sees a later input step. */
  padding?: ConvPadding;
  /** Splits the input channels into `groups` blocks, each convolved with its own `filters / groups` filters. */
  groups?: number;
  /** Keras 3's LoRA fine-tuning: not supported yet (null or absent only). */
  loraRank?: null;
}

/**
 * The N-D convolution layer (Keras's BaseConv): `activation(conv(x, kernel) + bias)`, with kernel
 * [...kernelSize, inChannels / groups, filters]. Conv1D, Conv2D and Conv3D fix the rank.
 *
 * @example
 * ```ts
 * // Conv2D is this class with the rank fixed:
 * class MyConv2D extends BaseConv {
 *   static override className = 'MyConv2D';
 *   constructor(args: BaseConvArgs) {
 *     super(2, args);
 *   }
 * }
 * ```
 */
export class BaseConv extends Layer {
  static override className = 'BaseConv';
  /** The number of spatial axes (1, 2 or 3), fixed by the subclass. */
  readonly rank: number;
  /** The number of output channels. */
  readonly filters: number;
  /** The window size per spatial axis. */
  readonly kernelSize: number[];
  /** The step between windows per spatial axis. */
  readonly strides: number[];
  /** The padding mode (`'valid'`, `'same'`, or `'causal'` for Conv1D). */
  readonly padding: ConvPadding;
  /** Where the channels axis is: last or first. */
  readonly dataFormat: DataFormat;
  /** The spacing between kernel taps per spatial axis. */
  readonly dilationRate: number[];
  /** The number of channel groups convolved separately. */
  readonly groups: number;
  /** The activation applied to the output. */
  readonly activation: Activation;
  /** Whether a bias is added. */
  readonly useBias: boolean;
  /** The kernel's initializer, regularizer and constraint. */
  readonly kernelSettings: WeightSettings;
  /** The bias's initializer, regularizer and constraint. */
  readonly biasSettings: WeightSettings;
  /** The kernel [...kernelSize, inChannels / groups, filters]; created by build(). */
  kernel!: Variable;
  /** The bias [outChannels], or null when `useBias` is false; created by build(). */
  bias: Variable | null = null;

  constructor(rank: number, args: BaseConvArgs) {
    super(args ?? {});
    const name = (this.constructor as typeof Layer).className;
    checkOptionsObject(name, args, 'filters and kernelSize');
    if (args.loraRank != null)
      throw new LayerError(
        `${name}: loraRank (LoRA) is not supported yet, received ${JSON.stringify(args.loraRank)}; leave it unset`,
      );
    this.rank = rank;
    this.filters = positiveInteger(name, 'filters', args.filters);
    const window = convWindowOptions(name, rank, args, rank === 1);
    this.kernelSize = window.kernelSize;
    this.strides = window.strides;
    this.padding = window.padding;
    this.dataFormat = window.dataFormat;
    this.dilationRate = window.dilationRate;
    this.activation = window.activation;
    this.useBias = window.useBias;
    this.biasSettings = window.biasSettings;
    this.kernelSettings = weightSettings(args, 'kernel', 'glorotUniform');
    this.groups = positiveInteger(name, 'groups', args.groups ?? 1);
    if (this.filters % this.groups !== 0) {
      throw new LayerError(
        `${name}: filters must be divisible by groups, received filters=${this.filters} and groups=${this.groups}`,
      );
    }
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
      ...weightConfig({ kernel: this.kernelSettings, bias: this.biasSettings }),
    };
  }
}
