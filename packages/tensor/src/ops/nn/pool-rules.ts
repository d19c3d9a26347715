import { opError, fmtShape } from '../../errors';
import type { Dim, Shape } from '../../shape';
import { expectRank, normalizePadding, positivePair, windowOutput, type Pair } from './geometry';

/** Options of the 2-D pooling ops; strides default to the pool size, as in Keras. */
export interface Pool2dOptions {
  /** The step between windows: one number or [height, width]. Default: the pool size. */
  strides?: number | readonly [number, number];
  /** 'valid' (no padding) or 'same' (output size ⌈input / stride⌉). Default: 'valid'. */
  padding?: 'valid' | 'same';
}

/** The attrs a 2-D pooling op (or its gradient) records. */
export interface Pool2dAttrs {
  /** [height, width] of the window. */
  poolSize: Pair;
  /** [height, width] steps. */
  strides: Pair;
  /** 'valid' or 'same'. */
  padding: 'valid' | 'same';
}

/** Validates pooling options. */
export function pool2dAttrs(op: string, poolSize: unknown, options: Pool2dOptions = {}): Pool2dAttrs {
  if (typeof options !== 'object' || options === null)
    throw opError(op, `options must be an object, received ${JSON.stringify(options)}`);
  const size = positivePair(op, 'poolSize', poolSize, []);
  const strides = positivePair(op, 'strides', options.strides, size);
  const padding = normalizePadding(op, options.padding, 2, false) as 'valid' | 'same';
  return { poolSize: size, strides, padding };
}

/** The output shape of a 2-D pooling of NHWC `x` (rank 4, or 3 for one image). */
export function pool2dOutputShape(op: string, x: Shape, { poolSize, strides, padding }: Pool2dAttrs, arg = 'x'): Dim[] {
  expectRank(op, arg, x, [4, 3], '[batch, height, width, channels], or [height, width, channels] for one image');
  const context = `${arg}.shape=${fmtShape(x)}, poolSize=${fmtShape(poolSize)}`;
  const [h, w] = windowOutput(op, context, x.slice(-3, -1), poolSize, strides, [1, 1], padding, ['height', 'width']);
  return x.length === 4 ? [x[0], h, w, x[3]] : [h, w, x[2]];
}

/** Checks that a pooling gradient's `dy` (and the like-shaped `name`) is the pooling output of `x`. */
export function checkPoolGradient(op: string, x: Shape, dy: Shape, attrs: Pool2dAttrs, name = 'dy'): void {
  expectRank(op, 'x', x, [4], '[batch, height, width, channels]');
  const forward = pool2dOutputShape(op, x, attrs);
  const agree = dy.length === 4 && forward.every((d, i) => d === null || dy[i] === null || d === dy[i]);
  if (!agree) {
    throw opError(
      op,
      `${name}.shape=${fmtShape(dy)} does not match the output ${fmtShape(forward)} of pooling x.shape=${fmtShape(x)} ` +
        `(poolSize=${fmtShape(attrs.poolSize)}, strides=${fmtShape(attrs.strides)}, padding '${attrs.padding}')`,
    );
  }
}
