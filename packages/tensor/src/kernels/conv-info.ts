import { backend_util } from '@tensorflow/tfjs-core';
import type { TensorInfo } from '../backend';
import { StrataError, fmtShape } from '../errors';

/** tfjs-core's description of a 2D convolution (sizes, padding, strides), as its kernels take it. */
export type Conv2DInfo = backend_util.Conv2DInfo;
type Pad = 'valid' | 'same' | number | backend_util.ExplicitPadding;
type Rounding = 'floor' | 'round' | 'ceil' | undefined;
type Pair = number | [number, number];

/** The attributes the conv gradient kernels share (names as in tfjs-core's kernel_names). */
export interface ConvGradAttrs {
  /** The step between windows, one number or [height, width]. */
  strides: Pair;
  /** 'valid', 'same', one number for every side, or explicit [[top, bottom], [left, right]] per axis. */
  pad: Pad;
  /** The spacing between filter taps, one number or [height, width]. Default: 1. */
  dilations?: Pair;
  /** How fractional output sizes round with numeric padding. Default: tfjs's (truncation). */
  dimRoundingMode?: Rounding;
}

type Shape4 = [number, number, number, number];

function asShape4(kernel: string, what: string, shape: readonly number[]): Shape4 {
  if (shape.length !== 4)
    throw new StrataError(`${kernel}: ${what} must have rank 4, received shape ${fmtShape(shape)}`);
  return shape as Shape4;
}

/**
 * tfjs-core's geometry of a convolution (output size and padding), checked against the
 * gradient `dy` the kernel received, so a mismatched call fails here rather than reading garbage.
 * @internal
 */
export function convGradInfo(
  kernel: string,
  inputShape: readonly number[],
  filterShape: readonly number[],
  dy: TensorInfo,
  attrs: ConvGradAttrs,
  depthwise: boolean,
  dataFormat: 'NHWC' | 'NCHW' = 'NHWC',
): Conv2DInfo {
  const info = backend_util.computeConv2DInfo(
    asShape4(kernel, 'the input', inputShape),
    asShape4(kernel, 'the filter', filterShape),
    attrs.strides,
    attrs.dilations ?? 1,
    attrs.pad,
    attrs.dimRoundingMode,
    depthwise,
    dataFormat === 'NHWC' ? 'channelsLast' : 'channelsFirst',
  );
  if (fmtShape(dy.shape) !== fmtShape(info.outShape)) {
    throw new StrataError(
      `${kernel}: dy has shape ${fmtShape(dy.shape)}, expected ${fmtShape(info.outShape)} for input ${fmtShape(inputShape)}, ` +
        `filter ${fmtShape(filterShape)}, strides ${String(attrs.strides)} and pad ${JSON.stringify(attrs.pad)}; pass the dy of that convolution`,
    );
  }
  return info;
}
