import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import { opError } from '../../errors';
import type { Tensor } from '../../tensor';
import { expectRank } from './geometry';
import { checkConv3dGradient, conv3dAttrs, filterTaps3d, type Conv3dAttrs, type Conv3dOptions } from './conv3d-rules';
import { effectiveSize } from './filter-dilation';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** conv3dBackpropFilter's attrs: the forward convolution's, plus the shape of its filter. */
export interface Conv3dBackpropFilterAttrs extends Conv3dAttrs {
  /** The shape of the filter whose gradient is computed. */
  filterShape: number[];
}

/** The op of {@link conv3dBackpropFilter}: its shape rule and kernel, the key of its gradient rule. */
export const conv3dBackpropFilterOp = defineOp<Conv3dBackpropFilterAttrs>({
  name: 'conv3dBackpropFilter',
  infer: ([x, dy], attrs) => {
    expectRank('conv3dBackpropFilter', 'x', x.shape, [5], '[batch, depth, height, width, channels]');
    checkConv3dGradient('conv3dBackpropFilter', x.shape, attrs.filterShape, dy.shape, attrs, {
      input: 'x',
      filter: 'filterShape',
      dy: 'dy',
    });
    return { shape: attrs.filterShape, dtype: 'float32' };
  },
  kernel: (ctx, [x, dy], { strides, padding, dilations, filterShape }) =>
    composed(ctx, (s) => {
      const expanded = filterShape.map((k, i) => (i < 3 ? effectiveSize(k, dilations[i]) : k));
      const grad = s.run(
        'Conv3DBackpropFilterV2',
        { x: s.cast(x, 'float32'), dy: s.cast(dy, 'float32') },
        { strides, pad: padding, filterShape: expanded },
      );
      return filterTaps3d(s, grad, dilations);
    }),
});

/**
 * The gradient of conv3d with respect to its filter: `x` is conv3d's input, `dy` the gradient of
 * its output, `filterShape` the filter's shape, `options` conv3d's options.
 * @example
 * ```ts
 * const x = tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 3, 3, 1]);
 * conv3dBackpropFilter(x, ones([1, 1, 2, 2, 1]), [1, 2, 2, 1, 1]); // [12, 16, 24, 28]
 * ```
 */
export function conv3dBackpropFilter(
  x: OpInput,
  dy: OpInput,
  filterShape: readonly number[],
  options: Conv3dOptions = {},
): Tensor {
  const op = 'conv3dBackpropFilter';
  const attrs = conv3dAttrs(op, options);
  if (
    !Array.isArray(filterShape) ||
    filterShape.length !== 5 ||
    !filterShape.every((d) => Number.isInteger(d) && d > 0)
  ) {
    throw opError(
      op,
      `filterShape must be a list of 5 positive integers [filterDepth, filterHeight, filterWidth, inChannels, outChannels], received ${JSON.stringify(filterShape)}`,
    );
  }
  const { inputs, temps } = opInputs(op, [
    ['x', x],
    ['dy', dy],
  ]);
  return runOp(conv3dBackpropFilterOp, inputs, { ...attrs, filterShape: [...filterShape] }, temps);
}
