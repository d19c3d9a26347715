import { composed } from '@strata/tensor/internal';
import type { KernelImpl } from '@strata/tensor/internal';
import { conv3dGradInfo, padOrCrop3d } from './spatial3d';

interface Attrs {
  strides: number | [number, number, number];
  pad: 'valid' | 'same';
  filterShape: [number, number, number, number, number];
}

/**
 * The gradient of Conv3D with respect to its filter. tfjs-wasm 4.22 has this kernel but it returns
 * wrong values once the convolution is strided or padded; replaced, as Conv2DBackpropFilter is, by
 * a convolution of the input with dy, the batch becoming the channels that are summed over:
 *   dW[fd, fh, fw, ci, co] = sum over n, od, oh, ow of xPadded[n, od*sd + fd, oh*sh + fh, ow*sw + fw, ci] * dy[n, od, oh, ow, co]
 * which is Conv3D(x as [ci, D, H, W, n], dy as an [od, oh, ow, n, co] filter, dilations = strides).
 * Same attrs as tfjs: strides, pad, filterShape (NDHWC, no dilations).
 */
export const conv3DBackpropFilterV2: KernelImpl = ({ inputs, attrs, strata }) =>
  composed(strata, (k) => {
    const { strides, pad, filterShape } = attrs as unknown as Attrs;
    const x = k.float(inputs.x);
    const dy = k.float(inputs.dy);
    const info = conv3dGradInfo('Conv3DBackpropFilterV2', x.shape, filterShape, dy, strides, pad);
    const s = [info.strideDepth, info.strideHeight, info.strideWidth];
    const f = [info.filterDepth, info.filterHeight, info.filterWidth];
    const o = [info.outDepth, info.outHeight, info.outWidth];
    const input = [info.inDepth, info.inHeight, info.inWidth];
    const before = [info.padInfo.front, info.padInfo.top, info.padInfo.left];
    const volumes = k.transpose(x, [4, 1, 2, 3, 0]); // [ci, D, H, W, n]
    // Exactly the planes, rows and columns the forward convolution read: the result is [ci, fd, fh, fw, co].
    const padded = padOrCrop3d(
      k,
      volumes,
      [0, 1, 2].map((i) => [before[i], (o[i] - 1) * s[i] + f[i] - before[i] - input[i]]) as never,
    );
    const dyAsFilter = k.transpose(dy, [1, 2, 3, 0, 4]); // [od, oh, ow, n, co]
    const grad = k.run(
      'Conv3D',
      { x: padded, filter: dyAsFilter },
      { strides: [1, 1, 1], pad: 'valid', dataFormat: 'NDHWC', dilations: s },
    );
    return k.transpose(grad, [1, 2, 3, 0, 4]);
  });
