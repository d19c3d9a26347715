import { opError, fmtShape } from '../../errors';
import type { Dim, Shape } from '../../shape';
import type { TensorInfo } from '../../backend';
import { dimsAgree, expectRank, normalizePadding, windowOutput } from './geometry';
import { effectiveSize } from './filter-dilation';
import type { Scratch } from '../../kernels/scratch';

/** A (depth, height, width) triple. */
export type Triple = [number, number, number];

/** Options of the 3-D convolutions. TensorFlow.js's 3-D kernels take no explicit padding. */
export interface Conv3dOptions {
  /** The step between windows: one number or [depth, height, width]. Default: 1. */
  strides?: number | readonly [number, number, number];
  /** 'valid' (no padding) or 'same' (output size ⌈input / stride⌉). Default: 'valid'. */
  padding?: 'valid' | 'same';
  /** The spacing between filter taps: one number or [depth, height, width]. Default: 1. */
  dilations?: number | readonly [number, number, number];
}

/** {@link Conv3dOptions} after validation, as the op records them. */
export interface Conv3dAttrs {
  /** [depth, height, width] steps. */
  strides: Triple;
  /** 'valid' or 'same'. */
  padding: 'valid' | 'same';
  /** [depth, height, width] dilations. */
  dilations: Triple;
}

const FILTER_LAYOUT = '[filterDepth, filterHeight, filterWidth, inChannels, outChannels]';

function positiveTriple(op: string, name: string, value: unknown): Triple {
  const v = value ?? 1;
  const t = typeof v === 'number' ? [v, v, v] : v;
  if (!Array.isArray(t) || t.length !== 3 || !t.every((d) => typeof d === 'number' && Number.isInteger(d) && d > 0)) {
    throw opError(op, `${name} must be a positive integer or a triple of them, received ${JSON.stringify(value)}`);
  }
  return [t[0], t[1], t[2]];
}

/** Validates and normalizes 3-D convolution options. */
export function conv3dAttrs(op: string, options: Conv3dOptions = {}): Conv3dAttrs {
  if (typeof options !== 'object' || options === null)
    throw opError(op, `options must be an object, received ${JSON.stringify(options)}`);
  const strides = positiveTriple(op, 'strides', options.strides);
  const dilations = positiveTriple(op, 'dilations', options.dilations);
  if (strides.some((s) => s > 1) && dilations.some((d) => d > 1)) {
    throw opError(
      op,
      `strides and dilations cannot both be greater than 1 (as in Keras and TensorFlow), received strides=${fmtShape(strides)}, dilations=${fmtShape(dilations)}`,
    );
  }
  return { strides, padding: normalizePadding(op, options.padding, 3, false) as 'valid' | 'same', dilations };
}

function show(name: string, shape: Shape): string {
  return name.endsWith('Shape') ? `${name}=${fmtShape(shape)}` : `${name}.shape=${fmtShape(shape)}`;
}

/** The output shape of a 3-D convolution of an NDHWC input (rank 5, or 4 for one unbatched volume). */
export function conv3dOutputShape(
  op: string,
  x: Shape,
  filter: Shape,
  attrs: Conv3dAttrs,
  names = { x: 'x', filter: 'filter' },
): Dim[] {
  expectRank(
    op,
    names.x,
    x,
    [5, 4],
    '[batch, depth, height, width, channels], or [depth, height, width, channels] for one volume',
  );
  expectRank(op, names.filter, filter, [5], FILTER_LAYOUT);
  const channels = x[x.length - 1];
  if (!dimsAgree(channels, filter[3])) {
    throw opError(
      op,
      `input channels differ: ${show(names.x, x)} has ${channels} channels, ${show(names.filter, filter)} expects ${filter[3]}`,
    );
  }
  const context = `${show(names.x, x)}, ${show(names.filter, filter)}`;
  const spatial = windowOutput(
    op,
    context,
    x.slice(-4, -1),
    filter.slice(0, 3),
    attrs.strides,
    attrs.dilations,
    attrs.padding,
    ['depth', 'height', 'width'],
  );
  return x.length === 5 ? [x[0], ...spatial, filter[4]] : [...spatial, filter[4]];
}

/** Checks that `dy` is the forward output for an input of `inputShape`; returns that shape with its batch resolved. */
export function checkConv3dGradient(
  op: string,
  inputShape: Shape,
  filter: Shape,
  dy: Shape,
  attrs: Conv3dAttrs,
  names: { input: string; filter: string; dy: string },
): Dim[] {
  expectRank(op, names.dy, dy, [5], '[batch, depth, height, width, channels]');
  if (inputShape.length !== 5)
    throw opError(
      op,
      `${names.input} must have 5 dimensions [batch, depth, height, width, channels], received ${fmtShape(inputShape)}`,
    );
  const forward = conv3dOutputShape(op, inputShape, filter, attrs, { x: names.input, filter: names.filter });
  if (!forward.every((d, i) => dimsAgree(d, dy[i]))) {
    throw opError(
      op,
      `${show(names.dy, dy)} does not match the output ${fmtShape(forward)} of the convolution of ${show(names.input, inputShape)} with ` +
        `${show(names.filter, filter)} (strides=${fmtShape(attrs.strides)}, dilations=${fmtShape(attrs.dilations)}, padding '${attrs.padding}')`,
    );
  }
  return [inputShape[0] ?? dy[0], ...inputShape.slice(1)];
}

/*
 * TensorFlow.js's 3-D backprop kernels ignore dilations, as its 2-D ones do (see filter-dilation.ts):
 * the gradients of a dilated convolution are the undilated backprops with the zero-filled filter.
 * Views are kept at rank <= 4 so that every backend's Pad and Slice kernels take them.
 */

/** Inserts (dilation - 1) zeros between the taps of axis `axis` of a [d, h, w, a, b] filter. */
function spreadAxis(s: Scratch, f: TensorInfo, axis: number, dilation: number): TensorInfo {
  const outer = f.shape.slice(0, axis).reduce((p, d) => p * d, 1);
  const taps = f.shape[axis];
  const inner = f.shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const split = s.reshape(f, [outer, taps, 1, inner]);
  const padded = s.run(
    'PadV2',
    { x: split },
    {
      paddings: [
        [0, 0],
        [0, 0],
        [0, dilation - 1],
        [0, 0],
      ],
      constantValue: 0,
    },
  );
  const flat = s.reshape(padded, [outer, taps * dilation, inner]);
  const cut = s.run('Slice', { x: flat }, { begin: [0, 0, 0], size: [outer, effectiveSize(taps, dilation), inner] });
  return s.reshape(
    cut,
    f.shape.map((d, i) => (i === axis ? effectiveSize(taps, dilation) : d)),
  );
}

/** The zero-filled filter equal to `filter` ([d, h, w, a, b]) at `dilations`. */
export function dilateFilter3d(s: Scratch, filter: TensorInfo, dilations: Triple): TensorInfo {
  return dilations.reduce((f, d, axis) => (d > 1 ? spreadAxis(s, f, axis, d) : f), filter);
}

/** The taps of an expanded filter gradient ([effD, effH, effW, a, b]) that a filter at `dilations` has. */
export function filterTaps3d(s: Scratch, expanded: TensorInfo, dilations: Triple): TensorInfo {
  return dilations.reduce((f, d, axis) => {
    if (d === 1) return f;
    const outer = f.shape.slice(0, axis).reduce((p, n) => p * n, 1);
    const inner = f.shape.slice(axis + 1).reduce((p, n) => p * n, 1);
    const view = s.reshape(f, [outer, f.shape[axis], inner]);
    const taps = s.run(
      'StridedSlice',
      { x: view },
      {
        begin: [0, 0, 0],
        end: view.shape,
        strides: [1, d, 1],
        beginMask: 0,
        endMask: 0,
        ellipsisMask: 0,
        newAxisMask: 0,
        shrinkAxisMask: 0,
      },
    );
    return s.reshape(
      taps,
      f.shape.map((n, i) => (i === axis ? taps.shape[1] : n)),
    );
  }, expanded);
}
