import type { KernelImpl, TensorInfo } from '../backend';
import { StrataError } from '../errors';
import { composed } from './scratch';
import { convGradInfo, type ConvGradAttrs } from './conv-info';
import { padOrCrop } from './spatial';

interface Attrs extends ConvGradAttrs {
  dataFormat?: 'NHWC' | 'NCHW';
  filterShape: [number, number, number, number];
}

/**
 * The gradient of Conv2D with respect to its filter, which tfjs-wasm lacks (tfjs issue #8474).
 * As TensorFlow does it: a convolution of the input with dy, the batch becoming the channels that
 * are summed over, so XNNPACK's convolution does the work and no im2col buffer is needed:
 *   dW[fh, fw, ci, co] = sum over n, oh, ow of xPadded[n, oh*sh + fh, ow*sw + fw, ci] * dy[n, oh, ow, co]
 * which is Conv2D(x as [ci, H, W, n], dy as a [oh, ow, n, co] filter, dilations = strides).
 * Same attrs as tfjs: strides, pad, dataFormat, dimRoundingMode, filterShape (no dilations).
 */
export const conv2DBackpropFilter: KernelImpl = ({ inputs, attrs, strata }) =>
  composed(strata, (k) => {
    const { dataFormat = 'NHWC', filterShape, ...conv } = attrs as unknown as Attrs;
    if ([conv.dilations ?? 1].flat().some((d) => d !== 1)) {
      // tfjs's Conv2DBackpropFilter has no dilations attr (its cpu kernel ignores one): refuse rather than differ.
      throw new StrataError(
        `Conv2DBackpropFilter: dilations must be 1, received ${String(conv.dilations)}; TensorFlow.js's kernel has no dilations`,
      );
    }
    if (dataFormat !== 'NHWC' && dataFormat !== 'NCHW') {
      throw new StrataError(
        `Conv2DBackpropFilter: dataFormat must be 'NHWC' or 'NCHW', received '${String(dataFormat)}'`,
      );
    }
    // The geometry is read in the caller's layout (explicit paddings are listed in it), then both go NHWC.
    const info = convGradInfo(
      'Conv2DBackpropFilter',
      inputs.x.shape,
      filterShape,
      inputs.dy,
      { ...conv, dilations: 1 },
      false,
      dataFormat,
    );
    const toNHWC = (t: TensorInfo) => (dataFormat === 'NCHW' ? k.transpose(t, [0, 2, 3, 1]) : t);
    const x = toNHWC(k.float(inputs.x));
    const dy = toNHWC(k.float(inputs.dy));
    const {
      strideHeight: sh,
      strideWidth: sw,
      filterHeight: fh,
      filterWidth: fw,
      outHeight: oh,
      outWidth: ow,
      padInfo,
    } = info;
    const images = k.transpose(x, [3, 1, 2, 0]); // [ci, H, W, n]
    // Exactly the rows and columns the forward convolution read: the result is then [ci, fh, fw, co].
    const padded = padOrCrop(k, images, {
      top: padInfo.top,
      left: padInfo.left,
      bottom: (oh - 1) * sh + fh - padInfo.top - info.inHeight,
      right: (ow - 1) * sw + fw - padInfo.left - info.inWidth,
    });
    const dyAsFilter = k.transpose(dy, [1, 2, 0, 3]); // [oh, ow, n, co]
    const grad = k.run(
      'Conv2D',
      { x: padded, filter: dyAsFilter },
      { strides: 1, pad: 'valid', dataFormat: 'NHWC', dilations: [sh, sw] },
    );
    return k.transpose(grad, [1, 2, 0, 3]);
  });
