import { opError } from '../../errors';
import { defineOp, runOp, type TensorSpec } from '../../op';
import type { OpInput } from '../../convert';
import type { TensorInfo } from '../../backend';
import type { Tensor } from '../../tensor';
import { sizeOf } from '../../shape';
import { conv2dAttrs, tfjsPad, type Conv2dAttrs, type Conv2dOptions } from './geometry';
import { conv2dOutputShape, type ConvKind } from './conv-rules';
import { checkBias, fusedAttrs, type FusedAttrs, type FusedOptions } from './fused-activation';
import { fusedOfNothing } from './fused-of-nothing';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** What {@link fusedConv2d} records: the convolution's geometry and the fused bias and activation. */
export type FusedConv2dAttrs = Conv2dAttrs & FusedAttrs;

export interface FusedConv2dArgs extends Conv2dOptions, FusedOptions {
  /** The input images, `[batch, height, width, channels]`. */
  x: OpInput;
  /** The filter: `[height, width, inChannels, outChannels]` (depthwise: `[h, w, in, multiplier]`). */
  filter: OpInput;
  bias?: OpInput;
}

/** One definition for the fused ordinary and depthwise convolutions: they differ in kernel and filter layout. */
function fusedConvOp(name: string, kind: ConvKind, kernelName: string) {
  return defineOp<FusedConv2dAttrs>({
    name,
    infer: ([x, filter, bias]: readonly TensorSpec[], attrs) => {
      const shape = conv2dOutputShape(name, kind, x.shape, filter.shape, attrs);
      checkBias(name, bias, shape[shape.length - 1], shape);
      return { shape, dtype: 'float32' };
    },
    // No input channels (an empty x or filter) with a non-empty output still gives activation(bias).
    handlesEmpty: true,
    kernel: (ctx, [x, filter, bias], attrs, [out]) => {
      if (sizeOf(x.shape) === 0 || sizeOf(filter.shape) === 0) return fusedOfNothing(ctx, out.shape, bias, attrs);
      const { strides, padding, dilations, activation, leakyreluAlpha } = attrs;
      return composed(ctx, (s) => {
        const x4 = s.reshape(s.cast(x, 'float32'), x.shape.length === 3 ? [1, ...x.shape] : x.shape);
        const inputs: Record<string, TensorInfo> = { x: x4, filter: s.cast(filter, 'float32') };
        if (bias) inputs.bias = s.cast(bias, 'float32');
        return s.run(kernelName, inputs, {
          strides,
          pad: tfjsPad(padding),
          dilations,
          dataFormat: 'NHWC',
          activation,
          leakyreluAlpha,
        } as never);
      });
    },
  });
}

/** The op of {@link fusedConv2d}: its shape rule and kernel, the key of its gradient rule. */
export const fusedConv2dOp = fusedConvOp('fusedConv2d', 'conv', 'FusedConv2D');
/** The op of {@link fusedDepthwiseConv2d}: its shape rule and kernel, the key of its gradient rule. */
export const fusedDepthwiseConv2dOp = fusedConvOp('fusedDepthwiseConv2d', 'depthwise', 'FusedDepthwiseConv2D');

function callFused(op: typeof fusedConv2dOp, args: FusedConv2dArgs): Tensor {
  if (typeof args !== 'object' || args === null)
    throw opError(
      op.name,
      `expected an options object {x, filter, bias?, activation?, strides?, padding?, dilations?}, received ${JSON.stringify(args)}`,
    );
  const attrs = { ...conv2dAttrs(op.name, args), ...fusedAttrs(op.name, args) };
  const named: [string, OpInput][] = [
    ['x', args.x],
    ['filter', args.filter],
  ];
  if (attrs.hasBias) named.push(['bias', args.bias as OpInput]);
  const { inputs, temps } = opInputs(op.name, named);
  return runOp(op, inputs, attrs, temps);
}

/**
 * `activation(conv2d(x, filter) + bias)` in one kernel, as TensorFlow.js's `tf.fused.conv2d`: what
 * a Conv2D layer computes. `x` is NHWC (or one unbatched image), `filter` [height, width, in, out],
 * `bias` one value per output channel. Computes in float32. Differentiable: the gradient rule
 * decomposes it.
 * @example
 * ```ts
 * const x = ones([1, 2, 2, 1]);
 * fusedConv2d({ x, filter: ones([2, 2, 1, 1]), bias: tensor([-5]), activation: 'relu' }); // [[[[0]]]]
 * ```
 */
export function fusedConv2d(args: FusedConv2dArgs): Tensor {
  return callFused(fusedConv2dOp, args);
}

/**
 * `activation(depthwiseConv2d(x, filter) + bias)` in one kernel (`tf.fused.depthwiseConv2d`);
 * `bias` has one value per output channel (inChannels * channelMultiplier).
 * @example
 * ```ts
 * fusedDepthwiseConv2d({ x: ones([1, 2, 2, 1]), filter: ones([2, 2, 1, 1]), bias: tensor([1]) }); // [[[[5]]]]
 * ```
 */
export function fusedDepthwiseConv2d(args: FusedConv2dArgs): Tensor {
  return callFused(fusedDepthwiseConv2dOp, args);
}
