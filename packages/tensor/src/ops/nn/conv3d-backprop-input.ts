import { defineOp, runOp, type OpDef } from '../../op';
import type { OpInput } from '../../convert';
import { opError, fmtShape } from '../../errors';
import type { Dim, Shape } from '../../shape';
import type { Tensor } from '../../tensor';
import { expectRank, shapeArg } from './geometry';
import { checkConv3dGradient, conv3dAttrs, dilateFilter3d, type Conv3dAttrs, type Conv3dOptions } from './conv3d-rules';
import { effectiveSize } from './filter-dilation';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** conv3dBackpropInput's attrs: the forward convolution's, plus the shape of its input. */
export interface Conv3dBackpropInputAttrs extends Conv3dAttrs {
  /** The shape of the input whose gradient is computed (the batch may be unknown). */
  inputShape: Dim[];
}
/** conv3dTranspose's attrs: outputShape null means the smallest shape whose convolution gives x's. */
export interface Conv3dTransposeAttrs extends Conv3dAttrs {
  /** The output shape asked for; null: the smallest the strides allow. */
  outputShape: Dim[] | null;
}

/** The output size of a transposed convolution when none is given (Keras's default, output_padding 0). */
function defaultTransposeShape(x: Shape, filter: Shape, { strides, padding, dilations }: Conv3dAttrs): Dim[] {
  const spatial = [1, 2, 3].map((axis, i) => {
    const size = x[axis];
    const k = filter[i];
    if (size === null || k === null) return null;
    return padding === 'same' ? size * strides[i] : (size - 1) * strides[i] + effectiveSize(k, dilations[i]);
  });
  return [x[0], ...spatial, filter[3]];
}

/** One definition for both names: conv3dTranspose is the input gradient of conv3d, read the other way. */
function backpropInputDef<A extends Conv3dAttrs>(
  name: string,
  dyName: string,
  target: (x: Shape, filter: Shape, attrs: A) => Dim[],
  shapeName: string,
  filterLayout: string,
): OpDef<A> {
  return defineOp<A>({
    name,
    infer: ([dy, filter], attrs) => {
      expectRank(name, dyName, dy.shape, [5], '[batch, depth, height, width, channels]');
      expectRank(name, 'filter', filter.shape, [5], filterLayout);
      if (dy.shape[4] !== null && filter.shape[4] !== null && dy.shape[4] !== filter.shape[4]) {
        throw opError(
          name,
          `${dyName} channels differ: ${dyName}.shape=${fmtShape(dy.shape)} has ${dy.shape[4]} channels, filter.shape=${fmtShape(filter.shape)} expects ${filter.shape[4]} (its last axis)`,
        );
      }
      const shape = target(dy.shape, filter.shape, attrs);
      return {
        shape: checkConv3dGradient(name, shape, filter.shape, dy.shape, attrs, {
          input: shapeName,
          filter: 'filter',
          dy: dyName,
        }),
        dtype: 'float32',
      };
    },
    kernel: (ctx, [dy, filter], { strides, padding, dilations }, [out]) =>
      composed(ctx, (s) => {
        const f = dilateFilter3d(s, s.cast(filter, 'float32'), dilations);
        return s.run(
          'Conv3DBackpropInputV2',
          { dy: s.cast(dy, 'float32'), filter: f },
          { inputShape: out.shape, strides, pad: padding },
        );
      }),
  });
}

/** The op of {@link conv3dBackpropInput}: its shape rule and kernel, the key of its gradient rule. */
export const conv3dBackpropInputOp = backpropInputDef<Conv3dBackpropInputAttrs>(
  'conv3dBackpropInput',
  'dy',
  (_dy, _f, a) => a.inputShape,
  'inputShape',
  '[filterDepth, filterHeight, filterWidth, inChannels, outChannels]',
);
/** The op of {@link conv3dTranspose}: its shape rule and kernel, the key of its gradient rule. */
export const conv3dTransposeOp = backpropInputDef<Conv3dTransposeAttrs>(
  'conv3dTranspose',
  'x',
  (x, f, a) => a.outputShape ?? defaultTransposeShape(x, f, a),
  'outputShape',
  '[filterDepth, filterHeight, filterWidth, outChannels, inChannels]',
);

/**
 * The gradient of conv3d with respect to its input: `dy` is the gradient of conv3d's output,
 * `inputShape` the shape of conv3d's `x` (rank 5), `options` conv3d's options.
 * @example
 * ```ts
 * conv3dBackpropInput(ones([1, 1, 2, 2, 1]), ones([1, 2, 2, 1, 1]), [1, 1, 3, 3, 1]);
 * // [[[1, 2, 1], [2, 4, 2], [1, 2, 1]]]: how many 1x2x2 windows see each voxel
 * ```
 */
export function conv3dBackpropInput(
  dy: OpInput,
  filter: OpInput,
  inputShape: readonly Dim[],
  options: Conv3dOptions = {},
): Tensor {
  const op = 'conv3dBackpropInput';
  const attrs = { ...conv3dAttrs(op, options), inputShape: shapeArg(op, 'inputShape', inputShape, 5) };
  const { inputs, temps } = opInputs(op, [
    ['dy', dy],
    ['filter', filter],
  ]);
  return runOp(conv3dBackpropInputOp, inputs, attrs, temps);
}

/**
 * Transposed 3-D convolution of NDHWC `x` with `filter` of shape
 * [filterDepth, filterHeight, filterWidth, outChannels, inChannels]. `outputShape` (rank 5) defaults
 * to the smallest output that a conv3d with the same options maps back to x's shape (Keras's default).
 * @example
 * ```ts
 * conv3dTranspose(ones([1, 1, 2, 2, 1]), ones([1, 2, 2, 1, 1])).shape; // [1, 1, 3, 3, 1]
 * ```
 */
export function conv3dTranspose(
  x: OpInput,
  filter: OpInput,
  outputShape?: readonly Dim[] | null,
  options: Conv3dOptions = {},
): Tensor {
  const op = 'conv3dTranspose';
  const attrs = {
    ...conv3dAttrs(op, options),
    outputShape: outputShape == null ? null : shapeArg(op, 'outputShape', outputShape, 5),
  };
  const { inputs, temps } = opInputs(op, [
    ['x', x],
    ['filter', filter],
  ]);
  return runOp(conv3dTransposeOp, inputs, attrs, temps);
}
