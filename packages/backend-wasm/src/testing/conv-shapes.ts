// Test-only: the geometry of the convolutions the kernel tests run.
import { backend_util } from '@tensorflow/tfjs-core';

type Shape4 = [number, number, number, number];
export type Pad = 'valid' | 'same' | number | backend_util.ExplicitPadding;

/** One convolution: input and filter shapes (NHWC, filter [fh, fw, in, out or multiplier]) and its attrs. */
export interface ConvCase {
  name: string;
  x: Shape4;
  filter: Shape4;
  strides: number | [number, number];
  pad: Pad;
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** The shape of dy for `c`: the forward convolution's output shape. */
export function dyShape(c: ConvCase, depthwise: boolean): number[] {
  return backend_util.computeConv2DInfo(c.x, c.filter, c.strides, c.dilations ?? 1, c.pad, c.dimRoundingMode, depthwise)
    .outShape;
}

/** The same filter with its taps spread `dilations` apart and zeros between: a dilated conv as a plain one. */
export function dilatedFilterShape(c: ConvCase): Shape4 {
  const [dh, dw] =
    typeof c.dilations === 'number' || c.dilations === undefined ? [c.dilations ?? 1, c.dilations ?? 1] : c.dilations;
  const [fh, fw, i, o] = c.filter;
  return [(fh - 1) * dh + 1, (fw - 1) * dw + 1, i, o];
}
