import type { OpInput } from '../../convert';
import { opError, fmtShape } from '../../errors';
import type { Shape } from '../../shape';
import { Tensor } from '../../tensor';
import { conv2dAttrs, expectRank, type Conv2dOptions } from './geometry';
import { conv2dOutputShape } from './conv-rules';
import { depthwiseConv2d } from './depthwise-conv2d';
import { conv2d } from './conv2d';
import { opInputs } from './inputs';

function checkPointwise(depthwise: Shape, pointwise: Shape): void {
  const op = 'separableConv2d';
  expectRank(op, 'pointwiseFilter', pointwise, [4], '[1, 1, inChannels * channelMultiplier, outChannels]');
  const [, , inC, multiplier] = depthwise;
  const channels = inC === null || multiplier === null ? null : inC * multiplier;
  const ok =
    pointwise[0] === 1 &&
    pointwise[1] === 1 &&
    (channels === null || pointwise[2] === null || pointwise[2] === channels);
  if (!ok) {
    throw opError(
      op,
      `pointwiseFilter.shape=${fmtShape(pointwise)} must be [1, 1, ${channels ?? 'inChannels * channelMultiplier'}, outChannels] ` +
        `for depthwiseFilter.shape=${fmtShape(depthwise)}`,
    );
  }
}

/**
 * Depthwise separable 2-D convolution: a depthwiseConv2d with `depthwiseFilter`
 * ([h, w, inChannels, channelMultiplier]) and `options`, then a 1x1 conv2d with `pointwiseFilter`
 * ([1, 1, inChannels * channelMultiplier, outChannels]). A composite: gradients flow through both ops.
 * @example
 * ```ts
 * separableConv2d(ones([1, 2, 2, 1]), ones([2, 2, 1, 1]), ones([1, 1, 1, 2])); // [[[[4, 4]]]]
 * ```
 */
export function separableConv2d(
  x: OpInput,
  depthwiseFilter: OpInput,
  pointwiseFilter: OpInput,
  options: Conv2dOptions = {},
): Tensor {
  const op = 'separableConv2d';
  const attrs = conv2dAttrs(op, options);
  const { inputs, temps } = opInputs(op, [
    ['x', x],
    ['depthwiseFilter', depthwiseFilter],
    ['pointwiseFilter', pointwiseFilter],
  ]);
  let mid: unknown = null;
  try {
    const [tx, td, tp] = inputs;
    // Checked here so that errors name this op and its arguments, not the two it is made of.
    conv2dOutputShape(op, 'depthwise', tx.shape, td.shape, attrs, { x: 'x', filter: 'depthwiseFilter' });
    checkPointwise(td.shape, tp.shape);
    mid = depthwiseConv2d(tx as Tensor, td as Tensor, attrs);
    return conv2d(mid as Tensor, tp as Tensor);
  } finally {
    if (mid instanceof Tensor) mid.dispose();
    for (const t of temps) t.dispose();
  }
}
