import { composed, convGradInfo, type ConvGradAttrs, padOrCrop } from '@strata/tensor/internal';
import type { KernelImpl, TensorInfo } from '@strata/tensor/internal';

interface Attrs extends ConvGradAttrs {
  filterShape: [number, number, number, number];
}

/**
 * The gradient of DepthwiseConv2dNative with respect to its filter, which tfjs-wasm lacks:
 *   dW[i, j, c, m] = sum over n, oh, ow of xPadded[n, oh*sh + i*dh, ow*sw + j*dw, c] * dy[n, oh, ow, c*M + m]
 * Each filter tap (i, j) is one strided slice of the padded input (an im2col, channel by channel),
 * and one batched matmul over the channels contracts them with dy. The operands are laid out so that
 * neither needs transposeA/transposeB, which tfjs-wasm runs 10-30x slower.
 * Same attrs as tfjs: strides, dilations, pad, dimRoundingMode, filterShape.
 */
export const depthwiseConv2dNativeBackpropFilter: KernelImpl = ({ inputs, attrs, strata }) =>
  composed(strata, (k) => {
    const { filterShape, ...conv } = attrs as unknown as Attrs;
    const x = k.float(inputs.x);
    const dy = k.float(inputs.dy);
    const info = convGradInfo('DepthwiseConv2dNativeBackpropFilter', x.shape, filterShape, dy, conv, true);
    const {
      batchSize: n,
      inChannels: c,
      filterHeight: fh,
      filterWidth: fw,
      outHeight: oh,
      outWidth: ow,
      padInfo,
    } = info;
    const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = info;
    const multiplier = filterShape[3];
    const pixels = oh * ow * n;
    const channels = k.transpose(x, [3, 1, 2, 0]); // [c, H, W, n]
    const padded = padOrCrop(k, channels, {
      top: padInfo.top,
      left: padInfo.left,
      bottom: (oh - 1) * sh + (fh - 1) * dh + 1 - padInfo.top - info.inHeight,
      right: (ow - 1) * sw + (fw - 1) * dw + 1 - padInfo.left - info.inWidth,
    });
    const taps: TensorInfo[] = [];
    for (let i = 0; i < fh; i++) {
      for (let j = 0; j < fw; j++) {
        const tap = k.run(
          'StridedSlice',
          { x: padded },
          {
            begin: [0, i * dh, j * dw, 0],
            end: [c, i * dh + (oh - 1) * sh + 1, j * dw + (ow - 1) * sw + 1, n],
            strides: [1, sh, sw, 1],
            beginMask: 0,
            endMask: 0,
            ellipsisMask: 0,
            newAxisMask: 0,
            shrinkAxisMask: 0,
          },
        );
        taps.push(k.reshape(tap, [c, 1, pixels]));
      }
    }
    const patches = taps.length === 1 ? taps[0] : k.run('Concat', taps, { axis: 1 }); // [c, fh*fw, pixels]
    const perChannel = k.transpose(k.reshape(dy, [n, oh, ow, c, multiplier]), [3, 1, 2, 0, 4]); // [c, oh, ow, n, M]
    const product = k.run(
      'BatchMatMul',
      { a: patches, b: k.reshape(perChannel, [c, pixels, multiplier]) },
      { transposeA: false, transposeB: false },
    );
    return k.reshape(k.transpose(product, [1, 0, 2]), [fh, fw, c, multiplier]);
  });
