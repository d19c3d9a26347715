import { opError, fmtShape } from '../../errors';
import type { Dim, Shape } from '../../shape';

/** A (height, width) pair. */
export type Pair = [number, number];
/** Explicit zero padding per spatial axis: `[[top, bottom], [left, right]]` for 2-D windows. */
export type ExplicitPadding = readonly (readonly [number, number])[];
/** How a sliding window treats the borders, as Keras and TensorFlow.js name it. */
export type Padding = 'valid' | 'same' | ExplicitPadding;
/** Padding after validation: explicit padding always lists one pair per spatial axis. */
export type NormalizedPadding = 'valid' | 'same' | [number, number][];

/** Options of the 2-D convolutions (conv2d, depthwiseConv2d, their backprops and transposes). */
export interface Conv2dOptions {
  /** The step between windows: one number for both axes or [height, width]. Default: 1. */
  strides?: number | readonly [number, number];
  /** 'valid' (no padding), 'same' (output size ⌈input / stride⌉) or explicit padding. Default: 'valid'. */
  padding?: Padding;
  /** The spacing between filter taps: one number or [height, width]. Default: 1. */
  dilations?: number | readonly [number, number];
}

/** The attrs a 2-D convolution op records: the options, validated and normalized. */
export interface Conv2dAttrs {
  /** [height, width] steps. */
  strides: Pair;
  /** 'valid', 'same', or one [before, after] pair per spatial axis. */
  padding: NormalizedPadding;
  /** [height, width] dilations. */
  dilations: Pair;
}

function isPositiveInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}

/** Reads a number-or-pair option (strides, dilations, pool size) as a pair of positive integers. */
export function positivePair(op: string, name: string, value: unknown, fallback: number | readonly number[]): Pair {
  const v = value ?? fallback;
  const pair = typeof v === 'number' ? [v, v] : v;
  if (!Array.isArray(pair) || pair.length !== 2 || !pair.every(isPositiveInt)) {
    throw opError(op, `${name} must be a positive integer or a pair of them, received ${JSON.stringify(value)}`);
  }
  return [pair[0], pair[1]];
}

/** Reads a positive integer option (1-D strides, dilations, pool size). */
export function positiveInt(op: string, name: string, value: unknown, fallback: number): number {
  const v = value ?? fallback;
  if (!isPositiveInt(v)) throw opError(op, `${name} must be a positive integer, received ${JSON.stringify(value)}`);
  return v;
}

/**
 * Validates padding for `spatialRank` axes. Explicit padding is one [before, after] pair per spatial
 * axis, or (TensorFlow.js's form) one pair per axis of the input with zeros on batch and channels.
 */
export function normalizePadding(
  op: string,
  padding: unknown,
  spatialRank: number,
  allowExplicit = true,
): NormalizedPadding {
  const p = padding ?? 'valid';
  if (p === 'valid' || p === 'same') return p;
  const expected = allowExplicit
    ? `'valid', 'same', or ${spatialRank} [before, after] pairs of non-negative integers`
    : `'valid' or 'same'`;
  const bad = () => opError(op, `padding must be ${expected}, received ${JSON.stringify(padding)}`);
  if (!allowExplicit || !Array.isArray(p)) throw bad();
  const isPair = (x: unknown): x is [number, number] =>
    Array.isArray(x) && x.length === 2 && x.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0);
  if (!p.every(isPair)) throw bad();
  if (p.length === spatialRank) return p.map((q) => [q[0], q[1]] as [number, number]);
  const first = p[0];
  const last = p[p.length - 1];
  if (p.length === spatialRank + 2 && first[0] === 0 && first[1] === 0 && last[0] === 0 && last[1] === 0) {
    return p.slice(1, -1).map((q) => [q[0], q[1]] as [number, number]);
  }
  throw bad();
}

/** Validates and normalizes 2-D convolution options. */
export function conv2dAttrs(op: string, options: Conv2dOptions = {}): Conv2dAttrs {
  if (typeof options !== 'object' || options === null)
    throw opError(op, `options must be an object, received ${JSON.stringify(options)}`);
  const strides = positivePair(op, 'strides', options.strides, 1);
  const dilations = positivePair(op, 'dilations', options.dilations, 1);
  if (strides.some((s) => s > 1) && dilations.some((d) => d > 1)) {
    throw opError(
      op,
      `strides and dilations cannot both be greater than 1 (as in Keras and TensorFlow), received strides=${fmtShape(strides)}, dilations=${fmtShape(dilations)}`,
    );
  }
  return { strides, padding: normalizePadding(op, options.padding, 2), dilations };
}

/** The padding TensorFlow.js kernels take for an NHWC input: 'valid', 'same', or four pairs. */
export function tfjsPad(padding: NormalizedPadding): 'valid' | 'same' | number[][] {
  return typeof padding === 'string' ? padding : [[0, 0], ...padding.map((p) => [...p]), [0, 0]];
}

/** Describes the window geometry for error messages. */
function describe(strides: readonly number[], dilations: readonly number[], padding: NormalizedPadding): string {
  const pad = typeof padding === 'string' ? `'${padding}'` : JSON.stringify(padding);
  return `strides=${fmtShape(strides)}, dilations=${fmtShape(dilations)}, padding ${pad}`;
}

/**
 * The spatial output sizes of a sliding window, as TensorFlow computes them. An unknown input or
 * window size gives an unknown output size. `context` names the arguments for error messages.
 */
export function windowOutput(
  op: string,
  context: string,
  input: Shape,
  window: Shape,
  strides: readonly number[],
  dilations: readonly number[],
  padding: NormalizedPadding,
  axisNames: readonly string[],
): Dim[] {
  return input.map((size, i) => {
    const k = window[i];
    if (size === null || k === null) return null;
    const effective = (k - 1) * dilations[i] + 1;
    if (padding === 'same') return Math.ceil(size / strides[i]);
    const [before, after] = padding === 'valid' ? [0, 0] : padding[i];
    const padded = size + before + after;
    if (padded < effective) {
      throw opError(
        op,
        `the input is smaller than the window: ${context} gives ${axisNames[i]} ${size}${before + after > 0 ? ` (${padded} padded)` : ''} ` +
          `but the window spans ${effective} (size ${k}, dilation ${dilations[i]}) with ${describe(strides, dilations, padding)}; ` +
          `use padding 'same' or a larger input`,
      );
    }
    return Math.floor((padded - effective) / strides[i]) + 1;
  });
}

/** Checks a tensor's rank against the ranks an argument accepts. */
export function expectRank(op: string, arg: string, shape: Shape, ranks: readonly number[], meaning: string): void {
  if (!ranks.includes(shape.length)) {
    throw opError(
      op,
      `${arg} must be rank ${ranks.join(' or ')} (${meaning}), received rank ${shape.length}: ${arg}.shape=${fmtShape(shape)}`,
    );
  }
}

/** True when two dimensions may be equal (an unknown one matches anything). */
export function dimsAgree(a: Dim, b: Dim): boolean {
  return a === null || b === null || a === b;
}

/** A shape argument given as a list of non-negative integers (null allowed for an unknown batch). */
export function shapeArg(op: string, name: string, shape: unknown, rank: number): Dim[] {
  const ok =
    Array.isArray(shape) &&
    shape.length === rank &&
    shape.every((d, i) => (d === null && i === 0) || (typeof d === 'number' && Number.isInteger(d) && d >= 0));
  if (!ok)
    throw opError(op, `${name} must be a list of ${rank} non-negative integers, received ${JSON.stringify(shape)}`);
  return [...(shape as Dim[])];
}

/** Reads a filter shape argument: four positive integers. */
export function filterShapeArg(
  op: string,
  shape: unknown,
  layout = '[filterHeight, filterWidth, inChannels, outChannels]',
): number[] {
  if (
    !Array.isArray(shape) ||
    shape.length !== 4 ||
    !shape.every((d) => typeof d === 'number' && Number.isInteger(d) && d > 0)
  ) {
    throw opError(op, `filterShape must be a list of 4 positive integers ${layout}, received ${JSON.stringify(shape)}`);
  }
  return [...shape];
}
