import { defineOp, runOp, type OpDef } from '../../op';
import type { OpInput } from '../../convert';
import { opError, fmtShape } from '../../errors';
import type { Tensor } from '../../tensor';
import { expectRank, normalizePadding, positiveInt, windowOutput } from './geometry';
import type { Pool2dAttrs } from './pool-rules';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** Options of the 1-D pooling ops; strides default to the pool size, as in Keras. */
export interface Pool1dOptions {
  /** The step between windows. Default: the pool size. */
  strides?: number;
  /** 'valid' (no padding) or 'same' (output length ⌈input / stride⌉). Default: 'valid'. */
  padding?: 'valid' | 'same';
}

/** {@link Pool1dOptions} after validation, with the window size, as the op records them. */
export interface Pool1dAttrs {
  /** The window length. */
  poolSize: number;
  /** The step between windows. */
  strides: number;
  /** 'valid' or 'same'. */
  padding: 'valid' | 'same';
}

/**
 * The 2-D pooling attrs that 1-D ones are, for inputs reshaped to [batch, 1, width, channels]: what the gradient rules need.
 * @internal
 */
export function pool1dAttrsAs2d({ poolSize, strides, padding }: Pool1dAttrs): Pool2dAttrs {
  return { poolSize: [1, poolSize], strides: [1, strides], padding };
}

function pool1dDef(name: string, kernelName: string): OpDef<Pool1dAttrs> {
  return defineOp<Pool1dAttrs>({
    name,
    infer: ([x], { poolSize, strides, padding }) => {
      expectRank(name, 'x', x.shape, [3, 2], '[batch, width, channels], or [width, channels] for one sequence');
      const context = `x.shape=${fmtShape(x.shape)}, poolSize=${poolSize}`;
      const [width] = windowOutput(name, context, [x.shape[x.shape.length - 2]], [poolSize], [strides], [1], padding, [
        'width',
      ]);
      return { shape: x.shape.length === 3 ? [x.shape[0], width, x.shape[2]] : [width, x.shape[1]], dtype: 'float32' };
    },
    // As Keras does: 1-D pooling is 2-D pooling over inputs of height 1.
    kernel: (ctx, [x], attrs) =>
      composed(ctx, (s) => {
        const [width, channels] = x.shape.slice(-2);
        const x4 = s.reshape(s.cast(x, 'float32'), [x.shape.length === 3 ? x.shape[0] : 1, 1, width, channels]);
        const as2d = pool1dAttrsAs2d(attrs);
        return s.run(kernelName, { x: x4 }, { filterSize: as2d.poolSize, strides: as2d.strides, pad: as2d.padding });
      }),
  });
}

/** The op of {@link maxPool1d}: its shape rule and kernel, the key of its gradient rule. */
export const maxPool1dOp = pool1dDef('maxPool1d', 'MaxPool');
/** The op of {@link avgPool1d}: its shape rule and kernel, the key of its gradient rule. */
export const avgPool1dOp = pool1dDef('avgPool1d', 'AvgPool');

function pool1d(def: OpDef<Pool1dAttrs>, x: OpInput, poolSize: number, options: Pool1dOptions = {}): Tensor {
  if (typeof options !== 'object' || options === null)
    throw opError(def.name, `options must be an object, received ${JSON.stringify(options)}`);
  const size = positiveInt(def.name, 'poolSize', poolSize, NaN);
  const attrs: Pool1dAttrs = {
    poolSize: size,
    strides: positiveInt(def.name, 'strides', options.strides, size),
    padding: normalizePadding(def.name, options.padding, 1, false) as 'valid' | 'same',
  };
  const { inputs, temps } = opInputs(def.name, [['x', x]]);
  return runOp(def, inputs, attrs, temps);
}

/**
 * 1-D max pooling of NWC `x`; `strides` default to `poolSize`, padding to 'valid'. Returns float32.
 * @example
 * ```ts
 * maxPool1d(tensor([1, 3, 2, 5], [1, 4, 1]), 2); // [[[3], [5]]]
 * ```
 */
export function maxPool1d(x: OpInput, poolSize: number, options?: Pool1dOptions): Tensor {
  return pool1d(maxPool1dOp, x, poolSize, options);
}

/**
 * 1-D average pooling of NWC `x`; with 'same' padding, padded steps are left out of each average.
 * @example
 * ```ts
 * avgPool1d(tensor([1, 3, 2, 5], [1, 4, 1]), 2); // [[[2], [3.5]]]
 * ```
 */
export function avgPool1d(x: OpInput, poolSize: number, options?: Pool1dOptions): Tensor {
  return pool1d(avgPool1dOp, x, poolSize, options);
}
