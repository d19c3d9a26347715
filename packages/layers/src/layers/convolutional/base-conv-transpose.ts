import {
  add,
  conv2dTranspose,
  conv3dTranspose,
  expandDims,
  squeeze,
  type Dim,
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
  deconvOutputLength,
  fromChannelsLast,
  positiveInteger,
  shapeFromChannelsLast,
  shapeToChannelsLast,
  standardizeTuple,
  toChannelsLast,
  type DataFormat,
} from './conv-utils';
import { checkOptionsObject, convWindowOptions, inputChannels, type ConvWindowArgs } from './conv-options';

/**
 * The options of Conv1DTranspose, Conv2DTranspose and Conv3DTranspose (Keras 3's, in camelCase);
 * `kernelInitializer` defaults to 'glorotUniform'.
 */
export interface BaseConvTransposeArgs extends ConvWindowArgs, WeightArgs<'kernel'> {
  /** The number of output channels (filters in the convolution). */
  filters: number;
  /** `'valid'` or `'same'` (the output is input × strides). Default: `'valid'`. */
  padding?: 'valid' | 'same';
  /** Extra rows/columns added at the end of each spatial axis (each < its stride); null picks Keras's default size. */
  outputPadding?: number | readonly number[] | null;
}

/**
 * The transposed ("deconvolution") layer of Keras's BaseConvTranspose: the gradient of a
 * convolution with respect to its input, used to upsample. Kernel [...kernelSize, filters, inChannels].
 *
 * @example
 * ```ts
 * // Conv2DTranspose is this class with the rank fixed:
 * class MyConv2DTranspose extends BaseConvTranspose {
 *   static override className = 'MyConv2DTranspose';
 *   constructor(args: BaseConvTransposeArgs) {
 *     super(2, args);
 *   }
 * }
 * ```
 */
export class BaseConvTranspose extends Layer {
  static override className = 'BaseConvTranspose';
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
  /** Extra output size per spatial axis, or null for the size that inverts a convolution. */
  readonly outputPadding: number[] | null;
  /** Where the channels axis is: last or first. */
  readonly dataFormat: DataFormat;
  /** The spacing between kernel taps per spatial axis. */
  readonly dilationRate: number[];
  /** The activation applied to the output. */
  readonly activation: Activation;
  /** Whether a bias is added. */
  readonly useBias: boolean;
  /** The kernel's initializer, regularizer and constraint. */
  readonly kernelSettings: WeightSettings;
  /** The bias's initializer, regularizer and constraint. */
  readonly biasSettings: WeightSettings;
  /** The kernel [...kernelSize, filters, inChannels]; created by build(). */
  kernel!: Variable;
  /** The bias [outChannels], or null when `useBias` is false; created by build(). */
  bias: Variable | null = null;

  constructor(rank: number, args: BaseConvTransposeArgs) {
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
    this.kernelSettings = weightSettings(args, 'kernel', 'glorotUniform');
    this.outputPadding =
      args.outputPadding == null ? null : standardizeTuple(name, 'outputPadding', args.outputPadding, rank, true);
    if (this.outputPadding?.some((p, i) => p >= this.strides[i])) {
      throw new LayerError(
        `${name}: each outputPadding must be smaller than its stride, received outputPadding=${fmtShape(this.outputPadding)} and strides=${fmtShape(this.strides)}`,
      );
    }
    this.inputSpec = { ndim: rank + 2 };
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = inputShape as Shape;
    const channels = inputChannels(this, shape, this.dataFormat);
    this.computeOutputShape(shape);
    this.kernel = this.addWeight('kernel', [...this.kernelSize, this.filters, channels], this.kernelSettings);
    if (this.useBias) this.bias = this.addWeight('bias', [this.filters], this.biasSettings);
    this.inputSpec = { ndim: this.rank + 2, axes: { [channelAxis(this.dataFormat)]: channels } };
    this.built = true;
  }

  override call(inputs: Tensor): Tensor {
    const x = toChannelsLast(inputs, this.dataFormat);
    const z = this.transposeConvolve(x, this.outputSpatial(x.shape));
    const y = this.activation(this.bias ? add(z, this.bias) : z);
    return fromChannelsLast(y, this.dataFormat);
  }

  /** The output's spatial sizes for a channels-last input shape (Keras's transposed-convolution sizes). */
  private outputSpatial(shape: Shape): Dim[] {
    return shape
      .slice(1, -1)
      .map((size, i) =>
        deconvOutputLength(
          size,
          this.kernelSize[i],
          this.padding,
          this.outputPadding?.[i] ?? null,
          this.strides[i],
          this.dilationRate[i],
        ),
      );
  }

  private transposeConvolve(x: Tensor, spatial: Dim[]): Tensor {
    // An unknown size (symbolic tracing) lets the op infer it: it is unknown in its result too.
    const known = spatial.every((d) => d !== null);
    const options = { strides: this.strides, padding: this.padding, dilations: this.dilationRate } as never;
    if (this.rank === 1) {
      // As Keras's TensorFlow backend does: a 1-D transposed convolution is a 2-D one of height 1.
      const out = known ? [x.shape[0], 1, spatial[0], this.filters] : null;
      const opts = {
        strides: [1, this.strides[0]],
        padding: this.padding,
        dilations: [1, this.dilationRate[0]],
      } as never;
      return squeeze(conv2dTranspose(expandDims(x, 1), expandDims(this.kernel, 0), out, opts), [1]);
    }
    const out = known ? [x.shape[0], ...spatial, this.filters] : null;
    return this.rank === 2
      ? conv2dTranspose(x, this.kernel, out, options)
      : conv3dTranspose(x, this.kernel, out, options);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const shape = shapeToChannelsLast(inputShape as Shape, this.dataFormat);
    const spatial = this.outputSpatial(shape);
    spatial.forEach((out, i) => {
      // A 'same' transposed convolution must be one a 'same' convolution maps back to the input size.
      const size = shape[i + 1];
      if (out !== null && size !== null && this.padding === 'same' && Math.ceil(out / this.strides[i]) !== size) {
        throw new LayerError(
          `Layer "${this.name}": outputPadding=${fmtShape(this.outputPadding ?? [])} with kernelSize=${fmtShape(this.kernelSize)} and strides=${fmtShape(this.strides)} ` +
            `gives an output of size ${out} on spatial axis ${i}, which a 'same' convolution does not map back to the input size ${size}; use outputPadding >= 1 there, or null`,
        );
      }
    });
    return shapeFromChannelsLast([shape[0], ...spatial, this.filters], this.dataFormat);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      outputPadding: this.outputPadding,
      dataFormat: this.dataFormat,
      dilationRate: this.dilationRate,
      activation: serializeActivation(this.activation),
      useBias: this.useBias,
      ...weightConfig({ kernel: this.kernelSettings, bias: this.biasSettings }),
    };
  }
}
