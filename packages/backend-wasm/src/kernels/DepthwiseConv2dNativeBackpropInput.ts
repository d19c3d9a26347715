import { composed, convGradInfo, type ConvGradAttrs, padOrCrop, spreadByStrides } from '@strata/tensor/internal';
import type { KernelImpl } from '@strata/tensor/internal';

interface Attrs extends ConvGradAttrs {
  inputShape: [number, number, number, number];
}

/**
 * The gradient of DepthwiseConv2dNative with respect to its input, which tfjs-wasm lacks: a
 * "transposed" depthwise convolution built from wasm's own DepthwiseConv2dNative. dy is spread
 * `strides` apart, padded so that a valid correlation lands on the input's rows and columns, and
 * correlated (dilated as the forward pass was) with the flipped filter, one input channel per
 * (channel, multiplier) pair; the multipliers are then summed.
 * Same attrs as tfjs: strides, dilations, pad, dimRoundingMode, inputShape (NHWC).
 */
export const depthwiseConv2dNativeBackpropInput: KernelImpl = ({ inputs, attrs, strata }) =>
  composed(strata, (k) => {
    const { inputShape, ...conv } = attrs as unknown as Attrs;
    const dy = k.float(inputs.dy);
    const filter = k.float(inputs.filter);
    const info = convGradInfo('DepthwiseConv2dNativeBackpropInput', inputShape, filter.shape, dy, conv, true);
    const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, filterHeight: fh, filterWidth: fw, padInfo } = info;
    const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = info;
    const multiplier = filter.shape[3];
    const spread = spreadByStrides(k, dy, sh, sw);
    // Input row r gets dy's row j through filter row i where j = r + top - i*dh; flipping the filter
    // turns that into a plain correlation once spread dy starts (fh-1)*dh - top rows above row 0.
    const top = (fh - 1) * dh - padInfo.top;
    const left = (fw - 1) * dw - padInfo.left;
    const padded = padOrCrop(k, spread, {
      top,
      left,
      bottom: h + (fh - 1) * dh - top - spread.shape[1],
      right: w + (fw - 1) * dw - left - spread.shape[2],
    });
    const flipped = k.run('Reverse', { x: filter }, { dims: [0, 1] });
    const perPair = k.reshape(flipped, [fh, fw, c * multiplier, 1]);
    const dx = k.run(
      'DepthwiseConv2dNative',
      { x: padded, filter: perPair },
      { strides: 1, pad: 'valid', dilations: [dh, dw], dataFormat: 'NHWC' },
    );
    if (multiplier === 1) return dx;
    return k.run('Sum', { x: k.reshape(dx, [n, h, w, c, multiplier]) }, { axis: [4], keepDims: false });
  });
