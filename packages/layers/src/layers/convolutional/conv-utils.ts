import { transpose, type Dim, type Shape, type Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { LayerError } from '../../errors';

/*
 * Argument checks and shape arithmetic shared by the convolution, pooling and reshaping layers
 * (Keras's argument_validation and operation_utils). Strata's ops are channels-last, so
 * channels_first layers transpose in and out around them.
 */

/**
 * Where the channels axis of an image or sequence is: last ([batch, ...spatial, channels], Keras's default) or first.
 */
export type DataFormat = 'channels_last' | 'channels_first';
/**
 * Window padding: none (`'valid'`), zeros keeping the size at stride 1 (`'same'`), or only at the start (`'causal'`).
 */
export type ConvPadding = 'valid' | 'same' | 'causal';

/** Reads an int or a list of `n` ints (Keras's standardize_tuple) as a list of `n` ints. */
export function standardizeTuple(layer: string, name: string, value: unknown, n: number, allowZero = false): number[] {
  const list = typeof value === 'number' ? new Array<number>(n).fill(value) : value;
  const min = allowZero ? 0 : 1;
  const ok =
    Array.isArray(list) &&
    list.length === n &&
    list.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= min);
  if (!ok) {
    const what = allowZero ? 'non-negative' : 'positive';
    throw new LayerError(
      `${layer}: ${name} must be a ${what} integer or a list of ${n} ${what} integers, received ${JSON.stringify(value)}`,
    );
  }
  return [...(list as number[])];
}

/** Reads a data format (any casing); undefined or null means channels_last, Keras's default. */
export function standardizeDataFormat(layer: string, value: unknown): DataFormat {
  if (value === undefined || value === null) return 'channels_last';
  const v = typeof value === 'string' ? value.toLowerCase() : value;
  if (v !== 'channels_last' && v !== 'channels_first') {
    throw new LayerError(
      `${layer}: dataFormat must be 'channels_last' or 'channels_first', received ${JSON.stringify(value)}`,
    );
  }
  return v;
}

/** Reads a padding mode (any casing); 'causal' only where the layer allows it (Conv1D). */
export function standardizePadding(layer: string, value: unknown, allowCausal = false): ConvPadding {
  const v = value === undefined ? 'valid' : typeof value === 'string' ? value.toLowerCase() : value;
  const allowed = allowCausal ? ['valid', 'same', 'causal'] : ['valid', 'same'];
  if (!allowed.includes(v as string)) {
    const hint = v === 'causal' ? " ('causal' is for Conv1D only)" : '';
    throw new LayerError(
      `${layer}: padding must be ${allowed.map((p) => `'${p}'`).join(', ')}${hint}, received ${JSON.stringify(value)}`,
    );
  }
  return v as ConvPadding;
}

/** Reads a flag, defaulting when absent. */
export function standardizeBoolean(layer: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean')
    throw new LayerError(`${layer}: ${name} must be true or false, received ${JSON.stringify(value)}`);
  return value;
}

/** Reads a positive integer option. */
export function positiveInteger(layer: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new LayerError(`${layer}: ${name} must be a positive integer, received ${JSON.stringify(value)}`);
  }
  return value;
}

/** The output length of a sliding window along one axis (Keras's compute_conv_output_shape); unknown stays unknown. */
export function convOutputLength(size: Dim, kernel: number, padding: ConvPadding, stride: number, dilation = 1): Dim {
  if (size === null) return null;
  if (padding !== 'valid') return Math.floor((size - 1) / stride) + 1;
  return Math.floor((size - ((kernel - 1) * dilation + 1)) / stride) + 1;
}

/** The window geometry of a convolution or pooling layer. */
export interface WindowGeometry {
  readonly kernelSize: readonly number[];
  readonly strides: readonly number[];
  readonly padding: ConvPadding;
  readonly dilationRate?: readonly number[];
}

/**
 * The spatial output sizes of a sliding window over the spatial axes of a channels-last `shape`,
 * refusing an input smaller than the window (Keras's compute_conv_output_shape check).
 */
export function windowOutputSpatial(
  layerName: string,
  shape: Shape,
  window: WindowGeometry,
  what = 'kernelSize',
): Dim[] {
  const { kernelSize, strides, padding } = window;
  const dilation = window.dilationRate ?? kernelSize.map(() => 1);
  const spatial = shape
    .slice(1, -1)
    .map((size, i) => convOutputLength(size, kernelSize[i], padding, strides[i], dilation[i]));
  if (spatial.some((d) => d !== null && d <= 0)) {
    const dilated = window.dilationRate ? `, dilationRate=${fmtShape(dilation)}` : '';
    throw new LayerError(
      `Layer "${layerName}": the input (channels last: ${fmtShape(shape)}) is smaller than the window ${what}=${fmtShape(kernelSize)}${dilated} ` +
        `with strides=${fmtShape(strides)} and padding '${padding}': the output would have spatial shape ${fmtShape(spatial)}; use padding 'same' or a larger input`,
    );
  }
  return spatial;
}

/** The output length of a transposed convolution along one axis (Keras's deconv output length). */
export function deconvOutputLength(
  size: Dim,
  kernel: number,
  padding: ConvPadding,
  outputPadding: number | null,
  stride: number,
  dilation = 1,
): Dim {
  if (size === null) return null;
  const k = (kernel - 1) * dilation + 1;
  if (padding === 'valid') return (size - 1) * stride + k + (outputPadding ?? Math.max(k, stride) - k);
  return outputPadding === null ? size * stride : (size - 1) * stride + k - 2 * Math.floor(k / 2) + outputPadding;
}

/** The permutation moving axis 1 (channels) to the end: [0, 2, ..., n-1, 1]. */
export function channelsLastPerm(rank: number): number[] {
  return [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1];
}

/** The permutation moving the last axis (channels) to axis 1: [0, n-1, 1, ..., n-2]. */
export function channelsFirstPerm(rank: number): number[] {
  return [0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)];
}

/** `x` in channels-last layout (itself when it already is). */
export function toChannelsLast(x: Tensor, dataFormat: DataFormat): Tensor {
  return dataFormat === 'channels_last' ? x : transpose(x, channelsLastPerm(x.rank));
}

/** A channels-last result back in the layer's layout. */
export function fromChannelsLast(y: Tensor, dataFormat: DataFormat): Tensor {
  return dataFormat === 'channels_last' ? y : transpose(y, channelsFirstPerm(y.rank));
}

/** A shape in channels-last order. */
export function shapeToChannelsLast(shape: Shape, dataFormat: DataFormat): Dim[] {
  return dataFormat === 'channels_last' ? [...shape] : channelsLastPerm(shape.length).map((a) => shape[a]);
}

/** A channels-last shape in the layer's order. */
export function shapeFromChannelsLast(shape: Shape, dataFormat: DataFormat): Dim[] {
  return dataFormat === 'channels_last' ? [...shape] : channelsFirstPerm(shape.length).map((a) => shape[a]);
}

/** The index of the channels axis for a tensor of `rank` (for input specs). */
export function channelAxis(dataFormat: DataFormat): number {
  return dataFormat === 'channels_last' ? -1 : 1;
}
