import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { conv2dAttrs, tfjsPad, type Conv2dAttrs, type Conv2dOptions } from './geometry';
import { conv2dOutputShape } from './conv-rules';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** The op of {@link conv2d}: its shape rule and kernel, the key of its gradient rule. */
export const conv2dOp = defineOp<Conv2dAttrs>({
  name: 'conv2d',
  infer: ([x, filter], attrs) => ({
    shape: conv2dOutputShape('conv2d', 'conv', x.shape, filter.shape, attrs),
    dtype: 'float32',
  }),
  kernel: (ctx, [x, filter], { strides, padding, dilations }) =>
    composed(ctx, (s) => {
      const x4 = s.reshape(s.cast(x, 'float32'), x.shape.length === 3 ? [1, ...x.shape] : x.shape);
      const f = s.cast(filter, 'float32');
      return s.run('Conv2D', { x: x4, filter: f }, { strides, pad: tfjsPad(padding), dilations, dataFormat: 'NHWC' });
    }),
});

/**
 * 2-D convolution of an NHWC input `x` ([batch, height, width, inChannels], or one unbatched image)
 * with `filter` ([filterHeight, filterWidth, inChannels, outChannels]). Computes in float32.
 * @example
 * ```ts
 * conv2d(ones([1, 3, 3, 1]), ones([2, 2, 1, 1])); // [[[[4], [4]], [[4], [4]]]]
 * ```
 */
export function conv2d(x: OpInput, filter: OpInput, options: Conv2dOptions = {}): Tensor {
  const attrs = conv2dAttrs('conv2d', options);
  const { inputs, temps } = opInputs('conv2d', [
    ['x', x],
    ['filter', filter],
  ]);
  return runOp(conv2dOp, inputs, attrs, temps);
}
