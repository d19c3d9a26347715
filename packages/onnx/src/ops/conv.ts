import type { OnnxBuilder } from '../builder';
import { cast, toChannelsFirst, toChannelsLast, unsupported, type OpCall, type OpConverter } from './common';
import { fusedActivation } from './linalg';

type Padding = 'valid' | 'same' | 'causal' | [number, number][];

interface Geometry {
  spatial: number;
  strides: number[];
  dilations: number[];
  padding: Padding;
}

const list = (v: number | readonly number[], n: number): number[] =>
  typeof v === 'number' ? Array(n).fill(v) : [...v];

export function geometryOf(c: OpCall, spatial: number): Geometry {
  const { strides, dilations = 1, padding } = c.attrs;
  return { spatial, strides: list(strides, spatial), dilations: list(dilations, spatial), padding };
}

/** The spatial sizes of a channels-last input, which padding needs to be known. */
function spatialSizes(c: OpCall, spatial: number, which = 0): number[] {
  const dims = c.specs[which].shape.slice(1, 1 + spatial);
  if (dims.some((d) => d === null))
    unsupported(c, `the spatial sizes must be known, received shape [${c.specs[which].shape.join(',')}]`);
  return dims as number[];
}

/** ONNX pads ([begins..., ends...]) for a window op, as TensorFlow pads 'same' (the extra one at the end). */
export function windowPads(c: OpCall, g: Geometry, kernel: readonly number[]): number[] {
  if (Array.isArray(g.padding)) return [...g.padding.map((p) => p[0]), ...g.padding.map((p) => p[1])];
  if (g.padding === 'valid') return Array(2 * g.spatial).fill(0);
  // Causal (Conv1D): everything before, so no output sees a later step.
  if (g.padding === 'causal') return [...kernel.map((k, i) => (k - 1) * g.dilations[i]), ...kernel.map(() => 0)];
  const sizes = spatialSizes(c, g.spatial);
  const totals = sizes.map((n, i) => {
    const out = Math.ceil(n / g.strides[i]);
    const span = (kernel[i] - 1) * g.dilations[i] + 1;
    return Math.max((out - 1) * g.strides[i] + span - n, 0);
  });
  return [...totals.map((t) => Math.floor(t / 2)), ...totals.map((t) => t - Math.floor(t / 2))];
}

/** A channels-last filter [k..., in, out] as ONNX's [out, in, k...] (ConvTranspose reads it as [in, out, k...]). */
function filterFirst(b: OnnxBuilder, w: string, rank: number): string {
  const perm = [rank - 1, rank - 2, ...Array.from({ length: rank - 2 }, (_, i) => i)];
  return b.op('Transpose', [w], { perm });
}

interface ConvParts {
  x: string;
  filter: string;
  bias?: string;
  depthwise?: boolean;
}

function conv(b: OnnxBuilder, c: OpCall, g: Geometry, parts: ConvParts): string {
  const rank = g.spatial + 2;
  if (c.specs[0].shape.length !== rank)
    unsupported(c, `expected a batched input of rank ${rank}, received [${c.specs[0].shape.join(',')}]`);
  const fshape = c.specs[1].shape as number[];
  const kernel = fshape.slice(0, g.spatial);
  let w = cast(b, parts.filter, c.specs[1].dtype, 'float32');
  let group = 1;
  if (parts.depthwise) {
    const [inC, mult] = fshape.slice(g.spatial);
    group = inC;
    w = b.op('Reshape', [w, b.int64s([...kernel, 1, inC * mult])]);
  }
  const inputs = [toChannelsFirst(b, cast(b, parts.x, c.specs[0].dtype, 'float32'), rank), filterFirst(b, w, rank)];
  if (parts.bias) inputs.push(parts.bias);
  const pads = windowPads(c, g, kernel);
  const y = b.op('Conv', inputs, { kernel_shape: kernel, strides: g.strides, dilations: g.dilations, pads, group });
  return toChannelsLast(b, y, rank);
}

const plain =
  (spatial: number, depthwise = false): OpConverter =>
  (b, c) =>
    conv(b, c, geometryOf(c, spatial), { x: c.inputs[0], filter: c.inputs[1], depthwise });

const fused =
  (depthwise: boolean): OpConverter =>
  (b, c) => {
    const y = conv(b, c, geometryOf(c, 2), {
      x: c.inputs[0],
      filter: c.inputs[1],
      bias: c.attrs.hasBias ? c.inputs[2] : undefined,
      depthwise,
    });
    return fusedActivation(b, y, c.attrs.activation, c.attrs.leakyreluAlpha, c);
  };

/**
 * TensorFlow's transposed convolution (the gradient of a convolution with that padding) as ONNX's
 * ConvTranspose: the begin pads are the forward convolution's, the end ones make the output size
 * recorded, with output_padding where it is larger than the full transposed result.
 */
function convTranspose(spatial: number): OpConverter {
  return (b, c) => {
    const g = geometryOf(c, spatial);
    const rank = spatial + 2;
    const kernel = (c.specs[1].shape as number[]).slice(0, spatial);
    const sizes = spatialSizes(c, spatial);
    const outSizes = c.outputs[0].shape.slice(1, 1 + spatial);
    if (outSizes.some((d) => d === null)) unsupported(c, 'the output size must be known');
    const begins: number[] = [];
    const ends: number[] = [];
    const extra: number[] = [];
    sizes.forEach((n, i) => {
      const span = (kernel[i] - 1) * g.dilations[i] + 1;
      const full = (n - 1) * g.strides[i] + span;
      const out = outSizes[i] as number;
      let before = 0;
      if (Array.isArray(g.padding)) before = g.padding[i][0];
      else if (g.padding === 'same') before = Math.floor(Math.max((n - 1) * g.strides[i] + span - out, 0) / 2);
      const end = full - out - before;
      begins.push(before);
      ends.push(Math.max(end, 0));
      extra.push(Math.max(-end, 0));
    });
    const x = toChannelsFirst(b, cast(b, c.inputs[0], c.specs[0].dtype, 'float32'), rank);
    const w = filterFirst(b, cast(b, c.inputs[1], c.specs[1].dtype, 'float32'), rank);
    const y = b.op('ConvTranspose', [x, w], {
      kernel_shape: kernel,
      strides: g.strides,
      dilations: g.dilations,
      pads: [...begins, ...ends],
      output_padding: extra,
    });
    return toChannelsLast(b, y, rank);
  };
}

export const CONV: Record<string, OpConverter> = {
  conv1d: plain(1),
  conv2d: plain(2),
  conv3d: plain(3),
  depthwiseConv2d: plain(2, true),
  fusedConv2d: fused(false),
  fusedDepthwiseConv2d: fused(true),
  conv2dTranspose: convTranspose(2),
  conv3dTranspose: convTranspose(3),
};
