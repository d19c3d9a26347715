import { defineOp, runOp, type OpDef } from '../../op';
import type { OpInput } from '../../convert';
import { opError, fmtShape } from '../../errors';
import type { Dim, Shape } from '../../shape';
import type { Tensor } from '../../tensor';
import { conv2dAttrs, expectRank, shapeArg, tfjsPad, type Conv2dAttrs, type Conv2dOptions } from './geometry';
import { checkConvGradient } from './conv-rules';
import { dilateFilter, effectiveSize } from './filter-dilation';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** conv2dBackpropInput's attrs: the forward convolution's, plus the shape of its input. */
export interface Conv2dBackpropInputAttrs extends Conv2dAttrs {
  /** The shape of the input whose gradient is computed (the batch may be unknown). */
  inputShape: Dim[];
}
/** conv2dTranspose's attrs: outputShape null means the smallest shape whose convolution gives x's. */
export interface Conv2dTransposeAttrs extends Conv2dAttrs {
  /** The output shape asked for; null: the smallest the strides allow. */
  outputShape: Dim[] | null;
}

/** The output size of a transposed convolution when none is given (Keras's default, output_padding 0). */
function defaultTransposeShape(x: Shape, filter: Shape, { strides, padding, dilations }: Conv2dAttrs): Dim[] {
  const spatial = [1, 2].map((axis, i) => {
    const size = x[axis];
    const k = filter[i];
    if (size === null || k === null) return null;
    if (padding === 'same') return size * strides[i];
    const [before, after] = padding === 'valid' ? [0, 0] : padding[i];
    return (size - 1) * strides[i] + effectiveSize(k, dilations[i]) - before - after;
  });
  return [x[0], ...spatial, filter[2]];
}

/** One definition for both names: conv2dTranspose is the input gradient of conv2d, read the other way. */
function backpropInputDef<A extends Conv2dAttrs>(
  name: string,
  dyName: string,
  target: (x: Shape, filter: Shape, attrs: A) => Dim[],
  shapeName: string,
  filterLayout: string,
): OpDef<A> {
  return defineOp<A>({
    name,
    infer: ([dy, filter], attrs) => {
      expectRank(name, dyName, dy.shape, [4], '[batch, height, width, channels]');
      expectRank(name, 'filter', filter.shape, [4], filterLayout);
      if (dy.shape[3] !== null && filter.shape[3] !== null && dy.shape[3] !== filter.shape[3]) {
        throw opError(
          name,
          `${dyName} channels differ: ${dyName}.shape=${fmtShape(dy.shape)} has ${dy.shape[3]} channels, filter.shape=${fmtShape(filter.shape)} expects ${filter.shape[3]} (its last axis)`,
        );
      }
      const shape = target(dy.shape, filter.shape, attrs);
      return {
        shape: checkConvGradient(name, 'conv', shape, filter.shape, dy.shape, attrs, {
          input: shapeName,
          filter: 'filter',
          dy: dyName,
        }),
        dtype: 'float32',
      };
    },
    kernel: (ctx, [dy, filter], { strides, padding, dilations }, [out]) =>
      composed(ctx, (s) => {
        const f = dilateFilter(s, s.cast(filter, 'float32'), dilations);
        return s.run(
          'Conv2DBackpropInput',
          { dy: s.cast(dy, 'float32'), filter: f },
          { inputShape: out.shape, strides, pad: tfjsPad(padding), dataFormat: 'NHWC' },
        );
      }),
  });
}

/** The op of {@link conv2dBackpropInput}: its shape rule and kernel, the key of its gradient rule. */
export const conv2dBackpropInputOp = backpropInputDef<Conv2dBackpropInputAttrs>(
  'conv2dBackpropInput',
  'dy',
  (_dy, _f, a) => a.inputShape,
  'inputShape',
  '[filterHeight, filterWidth, inChannels, outChannels]',
);
/** The op of {@link conv2dTranspose}: its shape rule and kernel, the key of its gradient rule. */
export const conv2dTransposeOp = backpropInputDef<Conv2dTransposeAttrs>(
  'conv2dTranspose',
  'x',
  (x, f, a) => a.outputShape ?? defaultTransposeShape(x, f, a),
  'outputShape',
  '[filterHeight, filterWidth, outChannels, inChannels]',
);

/**
 * The gradient of conv2d with respect to its input: `dy` is the gradient of conv2d's output,
 * `inputShape` the shape of conv2d's `x` (rank 4), `options` conv2d's options.
 * @example
 * ```ts
 * conv2dBackpropInput(ones([1, 2, 2, 1]), ones([2, 2, 1, 1]), [1, 3, 3, 1]);
 * // [[1, 2, 1], [2, 4, 2], [1, 2, 1]]: how many 2x2 windows see each pixel
 * ```
 */
export function conv2dBackpropInput(
  dy: OpInput,
  filter: OpInput,
  inputShape: readonly Dim[],
  options: Conv2dOptions = {},
): Tensor {
  const op = 'conv2dBackpropInput';
  const attrs = { ...conv2dAttrs(op, options), inputShape: shapeArg(op, 'inputShape', inputShape, 4) };
  const { inputs, temps } = opInputs(op, [
    ['dy', dy],
    ['filter', filter],
  ]);
  return runOp(conv2dBackpropInputOp, inputs, attrs, temps);
}

/**
 * Transposed 2-D convolution ("deconvolution") of NHWC `x` with `filter` of shape
 * [filterHeight, filterWidth, outChannels, inChannels]. `outputShape` (rank 4) defaults to the
 * smallest output that a conv2d with the same options maps back to x's shape (Keras's default).
 * @example
 * ```ts
 * conv2dTranspose(ones([1, 2, 2, 1]), ones([2, 2, 1, 1])).shape; // [1, 3, 3, 1]
 * // values [[1, 2, 1], [2, 4, 2], [1, 2, 1]]: each input pixel stamps the 2x2 filter
 * ```
 */
export function conv2dTranspose(
  x: OpInput,
  filter: OpInput,
  outputShape?: readonly Dim[] | null,
  options: Conv2dOptions = {},
): Tensor {
  const op = 'conv2dTranspose';
  const attrs = {
    ...conv2dAttrs(op, options),
    outputShape: outputShape == null ? null : shapeArg(op, 'outputShape', outputShape, 4),
  };
  const { inputs, temps } = opInputs(op, [
    ['x', x],
    ['filter', filter],
  ]);
  return runOp(conv2dTransposeOp, inputs, attrs, temps);
}
