import { StrataError } from '@strata/tensor';
import {
  composed,
  convGradInfo,
  padOrCrop,
  spreadByStrides,
  type ConvGradAttrs,
  type KernelImpl,
  type TensorInfo,
} from '@strata/tensor/internal';

interface Attrs extends ConvGradAttrs {
  dataFormat?: 'NHWC' | 'NCHW';
  inputShape: [number, number, number, number];
}

/**
 * The gradient of Conv2D with respect to its input, replacing tfjs-wasm's: its C++ loop took 55% of
 * an MNIST CNN's training step (293 ms of 538 for [128,11,11,64] → [128,13,13,32]). Here it is a
 * "full" correlation run by tfjs-wasm's own Conv2D (XNNPACK): dy is spread `strides` apart, padded
 * so that a valid correlation lands on the input's rows and columns, and correlated with the filter
 * flipped in space and with its channels swapped ([fh, fw, out, in]).
 * Same attrs as tfjs: strides, pad, dataFormat, dimRoundingMode, inputShape (no dilations: Strata's
 * op spreads a dilated filter before calling this kernel, as tfjs's conv2d gradient refuses them).
 */
export const conv2DBackpropInput: KernelImpl = ({ inputs, attrs, strata }) =>
  composed(strata, (k) => {
    const { dataFormat = 'NHWC', inputShape, ...conv } = attrs as unknown as Attrs;
    if ([conv.dilations ?? 1].flat().some((d) => d !== 1)) {
      throw new StrataError(
        `Conv2DBackpropInput: dilations must be 1, received ${String(conv.dilations)}; TensorFlow.js's kernel has none ` +
          "(spread the filter with zeros between its taps instead, as Strata's conv2dBackpropInput does)",
      );
    }
    if (dataFormat !== 'NHWC' && dataFormat !== 'NCHW') {
      throw new StrataError(
        `Conv2DBackpropInput: dataFormat must be 'NHWC' or 'NCHW', received '${String(dataFormat)}'`,
      );
    }
    const filter = k.float(inputs.filter);
    // The geometry is read in the caller's layout (explicit paddings are listed in it), then dy goes NHWC.
    const info = convGradInfo(
      'Conv2DBackpropInput',
      inputShape,
      filter.shape,
      inputs.dy,
      { ...conv, dilations: 1 },
      false,
      dataFormat,
    );
    const dy = dataFormat === 'NCHW' ? k.transpose(k.float(inputs.dy), [0, 2, 3, 1]) : k.float(inputs.dy);
    const {
      inHeight: h,
      inWidth: w,
      filterHeight: fh,
      filterWidth: fw,
      strideHeight: sh,
      strideWidth: sw,
      padInfo,
    } = info;
    const spread = spreadByStrides(k, dy, sh, sw);
    // Input row r gets dy's row j through filter row i where j*sh = r + top - i; flipping the filter
    // turns that into a plain correlation once spread dy starts fh-1-top rows above row 0.
    const top = fh - 1 - padInfo.top;
    const left = fw - 1 - padInfo.left;
    const padded = padOrCrop(k, spread, {
      top,
      left,
      bottom: h + fh - 1 - top - spread.shape[1],
      right: w + fw - 1 - left - spread.shape[2],
    });
    const flipped = k.transpose(k.run('Reverse', { x: filter }, { dims: [0, 1] }), [0, 1, 3, 2]);
    const dx: TensorInfo = k.run(
      'Conv2D',
      { x: padded, filter: flipped },
      { strides: 1, pad: 'valid', dataFormat: 'NHWC', dilations: 1 },
    );
    return dataFormat === 'NCHW' ? k.transpose(dx, [0, 3, 1, 2]) : dx;
  });
