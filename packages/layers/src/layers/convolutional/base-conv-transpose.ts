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
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { getActivation, serializeActivation, type Activation, type ActivationIdentifier } from '../../activations';
import type { InitializerIdentifier } from '../../initializers';
import type { RegularizerIdentifier } from '../../regularizers';
import type { ConstraintIdentifier } from '../../constraints';
import {
  channelAxis,
  deconvOutputLength,
  fromChannelsLast,
  positiveInteger,
  shapeFromChannelsLast,
  shapeToChannelsLast,
  standardizeBoolean,
  standardizeDataFormat,
  standardizePadding,
  standardizeTuple,
  toChannelsLast,
  type DataFormat,
} from './conv-utils';
import { checkStridesAndDilation, inputChannels } from './base-conv';
import { serializeWeightSettings, weightSettings, type WeightSettings } from './weight-settings';

/** The options of Conv1DTranspose, Conv2DTranspose and Conv3DTranspose (Keras 3's, in camelCase). */
export interface BaseConvTransposeArgs extends LayerArgs {
  filters: number;
  kernelSize: number | readonly number[];
  strides?: number | readonly number[];
  padding?: 'valid' | 'same';
  /** Extra rows/columns added at the end of each spatial axis (each < its stride); null picks Keras's default size. */
  outputPadding?: number | readonly number[] | null;
  dataFormat?: DataFormat;
  dilationRate?: number | readonly number[];
  activation?: ActivationIdentifier;
  useBias?: boolean;
  kernelInitializer?: InitializerIdentifier;
  biasInitializer?: InitializerIdentifier;
  kernelRegularizer?: RegularizerIdentifier | null;
  biasRegularizer?: RegularizerIdentifier | null;
  kernelConstraint?: ConstraintIdentifier | null;
  biasConstraint?: ConstraintIdentifier | null;
}

/**
 * The transposed ("deconvolution") layer of Keras's BaseConvTranspose: the gradient of a
 * convolution with respect to its input, used to upsample. Kernel [...kernelSize, filters, inChannels].
 */
export class BaseConvTranspose extends Layer {
  static override className = 'BaseConvTranspose';
  readonly rank: number;
  readonly filters: number;
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly padding: 'valid' | 'same';
  readonly outputPadding: number[] | null;
  readonly dataFormat: DataFormat;
  readonly dilationRate: number[];
  readonly activation: Activation;
  readonly useBias: boolean;
  readonly kernelSettings: WeightSettings;
  readonly biasSettings: WeightSettings;
  kernel!: Variable;
  bias: Variable | null = null;

  constructor(rank: number, args: BaseConvTransposeArgs) {
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
    this.outputPadding =
      args.outputPadding == null ? null : standardizeTuple(name, 'outputPadding', args.outputPadding, rank, true);
    if (this.outputPadding?.some((p, i) => p >= this.strides[i])) {
      throw new LayerError(
        `${name}: each outputPadding must be smaller than its stride, received outputPadding=${fmtShape(this.outputPadding)} and strides=${fmtShape(this.strides)}`,
      );
    }
    this.dataFormat = standardizeDataFormat(name, args.dataFormat);
    this.dilationRate = standardizeTuple(name, 'dilationRate', args.dilationRate ?? 1, rank);
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
      ...serializeWeightSettings('kernel', this.kernelSettings),
      ...serializeWeightSettings('bias', this.biasSettings),
    };
  }
}
