import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import type { Dim } from '../../shape';
import type { Tensor } from '../../tensor';
import { conv2dAttrs, expectRank, filterShapeArg, shapeArg, tfjsPad, type Conv2dOptions } from './geometry';
import { checkConvGradient } from './conv-rules';
import { dilateFilter, effectiveSize, filterTaps } from './filter-dilation';
import type { Conv2dBackpropFilterAttrs } from './conv2d-backprop-filter';
import type { Conv2dBackpropInputAttrs } from './conv2d-backprop-input';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

const FILTER_LAYOUT = '[filterHeight, filterWidth, inChannels, channelMultiplier]';

/** The op of {@link depthwiseConv2dBackpropInput}: its shape rule and kernel, the key of its gradient rule. */
export const depthwiseConv2dBackpropInputOp = defineOp<Conv2dBackpropInputAttrs>({
  name: 'depthwiseConv2dBackpropInput',
  infer: ([dy, filter], attrs) => {
    const op = 'depthwiseConv2dBackpropInput';
    expectRank(op, 'filter', filter.shape, [4], FILTER_LAYOUT);
    const names = { input: 'inputShape', filter: 'filter', dy: 'dy' };
    return {
      shape: checkConvGradient(op, 'depthwise', attrs.inputShape, filter.shape, dy.shape, attrs, names),
      dtype: 'float32',
    };
  },
  // The kernels ignore dilations: see filter-dilation.ts.
  kernel: (ctx, [dy, filter], { strides, padding, dilations }, [out]) =>
    composed(ctx, (s) => {
      const f = dilateFilter(s, s.cast(filter, 'float32'), dilations);
      const attrs = { inputShape: out.shape, strides, pad: tfjsPad(padding), dilations: [1, 1] };
      return s.run('DepthwiseConv2dNativeBackpropInput', { dy: s.cast(dy, 'float32'), filter: f }, attrs);
    }),
});

/** The op of {@link depthwiseConv2dBackpropFilter}: its shape rule and kernel, the key of its gradient rule. */
export const depthwiseConv2dBackpropFilterOp = defineOp<Conv2dBackpropFilterAttrs>({
  name: 'depthwiseConv2dBackpropFilter',
  infer: ([x, dy], attrs) => {
    const op = 'depthwiseConv2dBackpropFilter';
    expectRank(op, 'x', x.shape, [4], '[batch, height, width, channels]');
    checkConvGradient(op, 'depthwise', x.shape, attrs.filterShape, dy.shape, attrs, {
      input: 'x',
      filter: 'filterShape',
      dy: 'dy',
    });
    return { shape: attrs.filterShape, dtype: 'float32' };
  },
  kernel: (ctx, [x, dy], { strides, padding, dilations, filterShape }) =>
    composed(ctx, (s) => {
      const [h, w, inC, multiplier] = filterShape;
      const expanded = [effectiveSize(h, dilations[0]), effectiveSize(w, dilations[1]), inC, multiplier];
      const attrs = { strides, pad: tfjsPad(padding), dilations: [1, 1], filterShape: expanded };
      const grad = s.run(
        'DepthwiseConv2dNativeBackpropFilter',
        { x: s.cast(x, 'float32'), dy: s.cast(dy, 'float32') },
        attrs,
      );
      return dilations[0] === 1 && dilations[1] === 1 ? grad : filterTaps(s, grad, dilations);
    }),
});

/**
 * The gradient of depthwiseConv2d with respect to its input (of shape `inputShape`, rank 4).
 * @example
 * ```ts
 * depthwiseConv2dBackpropInput(ones([1, 2, 2, 1]), ones([2, 2, 1, 1]), [1, 3, 3, 1]);
 * // [[1, 2, 1], [2, 4, 2], [1, 2, 1]]: how many 2x2 windows see each pixel
 * ```
 */
export function depthwiseConv2dBackpropInput(
  dy: OpInput,
  filter: OpInput,
  inputShape: readonly Dim[],
  options: Conv2dOptions = {},
): Tensor {
  const op = 'depthwiseConv2dBackpropInput';
  const attrs = { ...conv2dAttrs(op, options), inputShape: shapeArg(op, 'inputShape', inputShape, 4) };
  const { inputs, temps } = opInputs(op, [
    ['dy', dy],
    ['filter', filter],
  ]);
  return runOp(depthwiseConv2dBackpropInputOp, inputs, attrs, temps);
}

/**
 * The gradient of depthwiseConv2d with respect to its filter (of shape `filterShape`).
 * @example
 * ```ts
 * const x = tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
 * depthwiseConv2dBackpropFilter(x, ones([1, 2, 2, 1]), [2, 2, 1, 1]); // [12, 16, 24, 28]
 * ```
 */
export function depthwiseConv2dBackpropFilter(
  x: OpInput,
  dy: OpInput,
  filterShape: readonly number[],
  options: Conv2dOptions = {},
): Tensor {
  const op = 'depthwiseConv2dBackpropFilter';
  const attrs = { ...conv2dAttrs(op, options), filterShape: filterShapeArg(op, filterShape, FILTER_LAYOUT) };
  const { inputs, temps } = opInputs(op, [
    ['x', x],
    ['dy', dy],
  ]);
  return runOp(depthwiseConv2dBackpropFilterOp, inputs, attrs, temps);
}
