import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import { opError, fmtShape } from '../../errors';
import type { Dim } from '../../shape';
import type { Tensor } from '../../tensor';
import {
  dimsAgree,
  expectRank,
  normalizePadding,
  positiveInt,
  tfjsPad,
  windowOutput,
  type NormalizedPadding,
  type Conv2dAttrs,
} from './geometry';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** Options of conv1d; 'causal' pads only the start, so no output step sees a later input step (as Keras). */
export interface Conv1dOptions {
  /** The step between windows. Default: 1. */
  strides?: number;
  /** 'valid', 'same', 'causal', or explicit [before, after] padding. Default: 'valid'. */
  padding?: 'valid' | 'same' | 'causal' | readonly [number, number] | readonly (readonly [number, number])[];
  /** The spacing between filter taps. Default: 1. */
  dilations?: number;
}

/** {@link Conv1dOptions} after validation, as the op records them. */
export interface Conv1dAttrs {
  /** The step between windows. */
  strides: number;
  /** 'valid', 'same', 'causal', or one [before, after] pair. */
  padding: NormalizedPadding | 'causal';
  /** The spacing between filter taps. */
  dilations: number;
}

/** The padding 'causal' stands for: the whole window before the first step. */
function resolvePadding(
  padding: Conv1dAttrs['padding'],
  filterWidth: Dim,
  dilations: number,
): NormalizedPadding | null {
  if (padding !== 'causal') return padding;
  return filterWidth === null ? null : [[(filterWidth - 1) * dilations, 0]];
}

/**
 * The conv2d attrs that conv1d's are, for inputs reshaped to [batch, 1, width, channels] and filters
 * to [1, filterWidth, inChannels, outChannels]: what conv1d's gradient rule needs.
 * @internal
 */
export function conv1dAttrsAs2d({ strides, padding, dilations }: Conv1dAttrs, filterWidth: number): Conv2dAttrs {
  const pad = resolvePadding(padding, filterWidth, dilations) as NormalizedPadding;
  return {
    strides: [1, strides],
    padding: typeof pad === 'string' ? pad : [[0, 0], pad[0]],
    dilations: [1, dilations],
  };
}

/** The op of {@link conv1d}: its shape rule and kernel, the key of its gradient rule. */
export const conv1dOp = defineOp<Conv1dAttrs>({
  name: 'conv1d',
  infer: ([x, filter], { strides, padding, dilations }) => {
    expectRank('conv1d', 'x', x.shape, [3, 2], '[batch, width, channels], or [width, channels] for one sequence');
    expectRank('conv1d', 'filter', filter.shape, [3], '[filterWidth, inChannels, outChannels]');
    const channels = x.shape[x.shape.length - 1];
    if (!dimsAgree(channels, filter.shape[1])) {
      throw opError(
        'conv1d',
        `input channels differ: x.shape=${fmtShape(x.shape)} has ${channels} channels, filter.shape=${fmtShape(filter.shape)} expects ${filter.shape[1]}`,
      );
    }
    const pad = resolvePadding(padding, filter.shape[0], dilations);
    const context = `x.shape=${fmtShape(x.shape)}, filter.shape=${fmtShape(filter.shape)}`;
    const [width] =
      pad === null
        ? [null]
        : windowOutput(
            'conv1d',
            context,
            [x.shape[x.shape.length - 2]],
            [filter.shape[0]],
            [strides],
            [dilations],
            pad,
            ['width'],
          );
    const shape = x.shape.length === 3 ? [x.shape[0], width, filter.shape[2]] : [width, filter.shape[2]];
    return { shape, dtype: 'float32' };
  },
  // As TensorFlow does: a 1-D convolution is a 2-D one over inputs of height 1.
  kernel: (ctx, [x, filter], attrs) =>
    composed(ctx, (s) => {
      const [width, channels] = x.shape.slice(-2);
      const batch = x.shape.length === 3 ? x.shape[0] : 1;
      const x4 = s.reshape(s.cast(x, 'float32'), [batch, 1, width, channels]);
      const f4 = s.reshape(s.cast(filter, 'float32'), [1, ...filter.shape]);
      const as2d = conv1dAttrsAs2d(attrs, filter.shape[0]);
      return s.run(
        'Conv2D',
        { x: x4, filter: f4 },
        { strides: as2d.strides, pad: tfjsPad(as2d.padding), dilations: as2d.dilations, dataFormat: 'NHWC' },
      );
    }),
});

function conv1dPadding(p: unknown): Conv1dAttrs['padding'] {
  if (p === 'causal') return p;
  const pairs = Array.isArray(p) && p.length === 2 && p.every((v) => typeof v === 'number') ? [p] : p;
  try {
    return normalizePadding('conv1d', pairs, 1);
  } catch {
    throw opError(
      'conv1d',
      `padding must be 'valid', 'same', 'causal' or [before, after] (non-negative integers), received ${JSON.stringify(p)}`,
    );
  }
}

/**
 * 1-D convolution of an NWC input `x` ([batch, width, inChannels], or one unbatched sequence) with
 * `filter` ([filterWidth, inChannels, outChannels]). Computes in float32.
 * @example
 * ```ts
 * conv1d(tensor([[[1], [2], [3]]]), ones([2, 1, 1]), { padding: 'causal' }); // [[[1], [3], [5]]]
 * ```
 */
export function conv1d(x: OpInput, filter: OpInput, options: Conv1dOptions = {}): Tensor {
  const op = 'conv1d';
  const strides = positiveInt(op, 'strides', options.strides, 1);
  const dilations = positiveInt(op, 'dilations', options.dilations, 1);
  if (strides > 1 && dilations > 1) {
    throw opError(
      op,
      `strides and dilations cannot both be greater than 1 (as in Keras and TensorFlow), received strides=${strides}, dilations=${dilations}`,
    );
  }
  const padding = conv1dPadding(options.padding);
  const { inputs, temps } = opInputs(op, [
    ['x', x],
    ['filter', filter],
  ]);
  return runOp(conv1dOp, inputs, { strides, padding, dilations }, temps);
}
