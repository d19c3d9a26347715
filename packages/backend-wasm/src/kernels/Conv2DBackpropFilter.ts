import { StrataError } from '@strata/tensor';
import { composed, convGradInfo, type ConvGradAttrs, type KernelImpl, type TensorInfo } from '@strata/tensor/internal';
import type { KernelBackend } from '@tensorflow/tfjs-core';
import { wasmHeap } from './heap';

interface Attrs extends ConvGradAttrs {
  dataFormat?: 'NHWC' | 'NCHW';
  filterShape: [number, number, number, number];
}

/**
 * The gradient of Conv2D with respect to its filter, which tfjs-wasm lacks, as one matmul:
 *   dW[(fh, fw, ci), co] = patches[(fh, fw, ci), (n, oh, ow)] · dy[(n, oh, ow), co]
 * where `patches` (im2col, transposed so the product needs no transposed operand) holds the input
 * value each filter tap saw at each output position, 0 in the padding; it is built by a loop over
 * the wasm heap. This replaced the convolution of the input with dy (`@strata/tensor`'s composed
 * kernel, which cpu keeps): XNNPACK runs such a convolution, with a filter as large as the image,
 * at a fraction of its matmul rate (95 ms against ~15 ms for the MNIST CNN's layers).
 * Same attrs as tfjs: strides, pad, dataFormat, dimRoundingMode, filterShape (no dilations).
 */
export const conv2DBackpropFilter: KernelImpl = ({ inputs, attrs, backend, strata }) =>
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
    const taps = info.filterHeight * info.filterWidth * info.inChannels;
    const positions = info.batchSize * info.outHeight * info.outWidth;
    const patches = k.adopt(im2colTransposed(backend, x, info));
    const product = k.run('BatchMatMul', {
      a: k.reshape(patches, [1, taps, positions]),
      b: k.reshape(dy, [1, positions, info.outChannels]),
    });
    return k.reshape(product, [...filterShape]);
  });

/** [fh·fw·ci, n·oh·ow]: row (i, j, c) holds, for each output position, the input value filter tap (i, j) read on channel c. */
function im2colTransposed(backend: KernelBackend, x: TensorInfo, info: ReturnType<typeof convGradInfo>): TensorInfo {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ci, outHeight: oh, outWidth: ow, padInfo } = info;
  const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw } = info;
  const heap = wasmHeap(backend);
  const out = heap.makeOutput([fh * fw * ci, n * oh * ow], 'float32');
  // Views are taken after the allocation: a malloc may grow the wasm memory and detach older views.
  const patches = heap.typedArrayFromHeap(out) as Float32Array;
  const xs = heap.typedArrayFromHeap(x) as Float32Array;
  let o = 0;
  for (let i = 0; i < fh; i++) {
    for (let j = 0; j < fw; j++) {
      // The output columns whose tap (i, j) lands inside the input: ox in [first, last).
      const left = j - padInfo.left;
      const first = Math.min(ow, Math.max(0, Math.ceil(-left / sw)));
      const last = Math.max(first, Math.min(ow, Math.ceil((w - left) / sw)));
      for (let c = 0; c < ci; c++) {
        for (let b = 0; b < n; b++) {
          for (let oy = 0; oy < oh; oy++) {
            const r = oy * sh + i - padInfo.top;
            if (r < 0 || r >= h) {
              patches.fill(0, o, o + ow);
              o += ow;
              continue;
            }
            const rowStart = ((b * h + r) * w + left) * ci + c;
            let ox = 0;
            for (; ox < first; ox++) patches[o++] = 0;
            for (let at = rowStart + first * sw * ci, step = sw * ci; ox < last; ox++, at += step)
              patches[o++] = xs[at];
            for (; ox < ow; ox++) patches[o++] = 0;
          }
        }
      }
    }
  }
  return out;
}
