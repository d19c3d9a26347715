import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { conv3dAttrs, conv3dOutputShape, type Conv3dAttrs, type Conv3dOptions } from './conv3d-rules';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** The op of {@link conv3d}: its shape rule and kernel, the key of its gradient rule. */
export const conv3dOp = defineOp<Conv3dAttrs>({
  name: 'conv3d',
  infer: ([x, filter], attrs) => ({
    shape: conv3dOutputShape('conv3d', x.shape, filter.shape, attrs),
    dtype: 'float32',
  }),
  // wasm's Conv3D takes float32 only, so every backend convolves in float32.
  kernel: (ctx, [x, filter], { strides, padding, dilations }) =>
    composed(ctx, (s) => {
      const x5 = s.reshape(s.cast(x, 'float32'), x.shape.length === 4 ? [1, ...x.shape] : x.shape);
      return s.run(
        'Conv3D',
        { x: x5, filter: s.cast(filter, 'float32') },
        { strides, pad: padding, dilations, dataFormat: 'NDHWC' },
      );
    }),
});

/**
 * 3-D convolution of an NDHWC input `x` ([batch, depth, height, width, inChannels], or one
 * unbatched volume) with `filter` ([filterDepth, filterHeight, filterWidth, inChannels, outChannels]).
 * Computes in float32.
 * @example
 * ```ts
 * conv3d(ones([1, 2, 2, 2, 1]), ones([2, 2, 2, 1, 1])); // [[[[[8]]]]]
 * ```
 */
export function conv3d(x: OpInput, filter: OpInput, options: Conv3dOptions = {}): Tensor {
  const attrs = conv3dAttrs('conv3d', options);
  const { inputs, temps } = opInputs('conv3d', [
    ['x', x],
    ['filter', filter],
  ]);
  return runOp(conv3dOp, inputs, attrs, temps);
}
