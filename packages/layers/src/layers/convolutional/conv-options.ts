import { expandDims, squeeze, type Shape, type Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import type { Layer, LayerArgs } from '../../layer';
import { LayerError } from '../../errors';
import { getActivation, type Activation, type ActivationIdentifier } from '../../activations';
import { weightSettings, type WeightArgs, type WeightSettings } from '../../weight-settings';
import {
  standardizeBoolean,
  standardizeDataFormat,
  standardizePadding,
  standardizeTuple,
  type ConvPadding,
  type DataFormat,
} from './conv-utils';

/**
 * The options the four convolution bases (BaseConv, BaseConvTranspose, BaseDepthwiseConv,
 * BaseSeparableConv) share, as Keras 3 names them; `biasInitializer` defaults to 'zeros'. Each base
 * adds its own (filters, its kernels' weight options, padding: only BaseConv accepts 'causal').
 */
export interface ConvWindowArgs extends LayerArgs, WeightArgs<'bias'> {
  /** The window size: one integer for every spatial axis, or one per axis. */
  kernelSize: number | readonly number[];
  /**
   * The step between windows (for the transposed convolutions, the upsampling factor): one integer for
   * every spatial axis, or one per axis. Default: 1.
   */
  strides?: number | readonly number[];
  /**
   * `'channels_last'` ([batch, ...spatial, channels]) or `'channels_first'` ([batch, channels, ...spatial]).
   * Default: `'channels_last'`.
   */
  dataFormat?: DataFormat;
  /**
   * The spacing between kernel taps (atrous convolution): one integer, or one per axis. Default: 1 (cannot be
   * combined with strides > 1).
   */
  dilationRate?: number | readonly number[];
  /** Applied to the output (a name such as `'relu'` or a function). Default: none (linear). */
  activation?: ActivationIdentifier;
  /** Whether a bias vector is added. Default: true. */
  useBias?: boolean;
}

/** Those options resolved and checked, with the padding. */
export interface ConvWindowOptions {
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly padding: ConvPadding;
  readonly dataFormat: DataFormat;
  readonly dilationRate: number[];
  readonly activation: Activation;
  readonly useBias: boolean;
  readonly biasSettings: WeightSettings;
}

/** Refuses a missing or non-object options argument, naming the options `required`. */
export function checkOptionsObject(layer: string, args: unknown, required: string): void {
  if (args === null || typeof args !== 'object')
    throw new LayerError(`${layer}: expected an options object with ${required}, received ${JSON.stringify(args)}`);
}

/** Resolves the shared options of a convolution of `rank` spatial axes. */
export function convWindowOptions(
  layer: string,
  rank: number,
  args: ConvWindowArgs & { padding?: ConvPadding },
  allowCausal = false,
): ConvWindowOptions {
  const kernelSize = standardizeTuple(layer, 'kernelSize', args.kernelSize, rank);
  const strides = standardizeTuple(layer, 'strides', args.strides ?? 1, rank);
  const padding = standardizePadding(layer, args.padding, allowCausal);
  const dataFormat = standardizeDataFormat(layer, args.dataFormat);
  const dilationRate = standardizeTuple(layer, 'dilationRate', args.dilationRate ?? 1, rank);
  checkStridesAndDilation(layer, strides, dilationRate);
  return {
    kernelSize,
    strides,
    padding,
    dataFormat,
    dilationRate,
    activation: getActivation(args.activation),
    useBias: standardizeBoolean(layer, 'useBias', args.useBias, true),
    biasSettings: weightSettings(args, 'bias', 'zeros'),
  };
}

/** Keras's refusal of strided and dilated windows together (TensorFlow has no kernel for it). */
export function checkStridesAndDilation(
  layer: string,
  strides: readonly number[],
  dilationRate: readonly number[],
): void {
  if (Math.max(...strides) > 1 && Math.max(...dilationRate) > 1) {
    throw new LayerError(
      `${layer}: strides > 1 is not supported together with dilationRate > 1, received strides=${fmtShape(strides)}` +
        ` and dilationRate=${fmtShape(dilationRate)}; set one of them to 1`,
    );
  }
}

/** The input channels of a shape, which must be known to build the weights. */
export function inputChannels(layer: Layer, shape: Shape, dataFormat: DataFormat): number {
  const channels = dataFormat === 'channels_last' ? shape[shape.length - 1] : shape[1];
  if (channels === null || channels === undefined) {
    throw new LayerError(
      `Layer "${layer.name}": the channels axis of the input must be known to build the layer, received shape` +
        ` ${fmtShape(shape)} (${dataFormat})`,
    );
  }
  return channels;
}

/** Runs a 2-D window op on a channels-last sequence as an image of height 1 (as Keras's TensorFlow backend does). */
export function asImageRow(x: Tensor, op: (image: Tensor) => Tensor): Tensor {
  return squeeze(op(expandDims(x, 1)), [1]);
}
