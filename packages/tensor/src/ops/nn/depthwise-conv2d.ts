import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { conv2dAttrs, tfjsPad, type Conv2dAttrs, type Conv2dOptions } from './geometry';
import { conv2dOutputShape } from './conv-rules';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** The op of {@link depthwiseConv2d}: its shape rule and kernel, the key of its gradient rule. */
export const depthwiseConv2dOp = defineOp<Conv2dAttrs>({
  name: 'depthwiseConv2d',
  infer: ([x, filter], attrs) => ({
    shape: conv2dOutputShape('depthwiseConv2d', 'depthwise', x.shape, filter.shape, attrs),
    dtype: 'float32',
  }),
  kernel: (ctx, [x, filter], { strides, padding, dilations }) =>
    composed(ctx, (s) => {
      const x4 = s.reshape(s.cast(x, 'float32'), x.shape.length === 3 ? [1, ...x.shape] : x.shape);
      const f = s.cast(filter, 'float32');
      return s.run(
        'DepthwiseConv2dNative',
        { x: x4, filter: f },
        { strides, pad: tfjsPad(padding), dilations, dataFormat: 'NHWC' },
      );
    }),
});

/**
 * Depthwise 2-D convolution: each input channel is convolved with its own `channelMultiplier`
 * filters. `x` is NHWC, `filter` is [filterHeight, filterWidth, inChannels, channelMultiplier];
 * the output has inChannels * channelMultiplier channels. Computes in float32.
 * @example
 * ```ts
 * depthwiseConv2d(ones([1, 2, 2, 2]), ones([2, 2, 2, 1])); // [[[[4, 4]]]]
 * ```
 */
export function depthwiseConv2d(x: OpInput, filter: OpInput, options: Conv2dOptions = {}): Tensor {
  const attrs = conv2dAttrs('depthwiseConv2d', options);
  const { inputs, temps } = opInputs('depthwiseConv2d', [
    ['x', x],
    ['filter', filter],
  ]);
  return runOp(depthwiseConv2dOp, inputs, attrs, temps);
}
