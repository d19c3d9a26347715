import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { conv2dAttrs, expectRank, filterShapeArg, tfjsPad, type Conv2dAttrs, type Conv2dOptions } from './geometry';
import { checkConvGradient } from './conv-rules';
import { effectiveSize, filterTaps } from './filter-dilation';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** conv2dBackpropFilter's attrs: the forward convolution's, plus the shape of its filter. */
export interface Conv2dBackpropFilterAttrs extends Conv2dAttrs {
  /** The shape of the filter whose gradient is computed. */
  filterShape: number[];
}

/** The op of {@link conv2dBackpropFilter}: its shape rule and kernel, the key of its gradient rule. */
export const conv2dBackpropFilterOp = defineOp<Conv2dBackpropFilterAttrs>({
  name: 'conv2dBackpropFilter',
  infer: ([x, dy], attrs) => {
    expectRank('conv2dBackpropFilter', 'x', x.shape, [4], '[batch, height, width, channels]');
    checkConvGradient('conv2dBackpropFilter', 'conv', x.shape, attrs.filterShape, dy.shape, attrs, {
      input: 'x',
      filter: 'filterShape',
      dy: 'dy',
    });
    return { shape: attrs.filterShape, dtype: 'float32' };
  },
  kernel: (ctx, [x, dy], { strides, padding, dilations, filterShape }) =>
    composed(ctx, (s) => {
      const [h, w, inC, outC] = filterShape;
      const expanded = [effectiveSize(h, dilations[0]), effectiveSize(w, dilations[1]), inC, outC];
      const attrs = { strides, pad: tfjsPad(padding), dataFormat: 'NHWC', filterShape: expanded };
      const grad = s.run('Conv2DBackpropFilter', { x: s.cast(x, 'float32'), dy: s.cast(dy, 'float32') }, attrs);
      return dilations[0] === 1 && dilations[1] === 1 ? grad : filterTaps(s, grad, dilations);
    }),
});

/**
 * The gradient of conv2d with respect to its filter: `x` is conv2d's input, `dy` the gradient of
 * its output, `filterShape` the filter's shape, `options` conv2d's options.
 * @example
 * ```ts
 * const x = tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
 * conv2dBackpropFilter(x, ones([1, 2, 2, 1]), [2, 2, 1, 1]); // [12, 16, 24, 28]: x summed under each tap
 * ```
 */
export function conv2dBackpropFilter(
  x: OpInput,
  dy: OpInput,
  filterShape: readonly number[],
  options: Conv2dOptions = {},
): Tensor {
  const op = 'conv2dBackpropFilter';
  const attrs = { ...conv2dAttrs(op, options), filterShape: filterShapeArg(op, filterShape) };
  const { inputs, temps } = opInputs(op, [
    ['x', x],
    ['dy', dy],
  ]);
  return runOp(conv2dBackpropFilterOp, inputs, attrs, temps);
}
