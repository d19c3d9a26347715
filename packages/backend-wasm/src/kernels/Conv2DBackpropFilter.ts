import { StrataError } from '@strata/tensor';
import { composed, convGradInfo, type ConvGradAttrs, type KernelImpl, type TensorInfo } from '@strata/tensor/internal';
import type { KernelBackend } from '@tensorflow/tfjs-core';
import { simdKernels } from '../simd';
import { wasmHeap } from './heap';

interface Attrs extends ConvGradAttrs {
  dataFormat?: 'NHWC' | 'NCHW';
  filterShape: [number, number, number, number];
}

/**
 * The gradient of Conv2D with respect to its filter, which tfjs-wasm lacks, as one matmul:
 *   dW[(fh, fw, ci), co] = patches[(fh, fw, ci), (n, oh, ow)] · dy[(n, oh, ow), co]
 * where `patches` (im2col, transposed so the product needs no transposed operand) holds the input
 * value each filter tap saw at each output position, 0 in the padding; it is built by Strata's
 * wasm kernel `im2col_t` (simd/kernels.c). This replaced the convolution of the input with dy (`@strata/tensor`'s composed
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
    if (taps <= LONG_K_MAX_TAPS) {
      // Few taps (a first layer's 3×3 on one channel): XNNPACK would spend ~8× the product's time
      // packing dy, new on every call, as its "weights"; Strata's kernel reads dy as it lies.
      const heap = wasmHeap(backend);
      const out = k.adopt(heap.makeOutput([...filterShape], 'float32'));
      const at = (t: TensorInfo) => heap.typedArrayFromHeap(t).byteOffset;
      simdKernels(backend).matmul_long_k(at(patches), at(dy), at(out), taps, positions, info.outChannels);
      return out;
    }
    const product = k.run('BatchMatMul', {
      a: k.reshape(patches, [1, taps, positions]),
      b: k.reshape(dy, [1, positions, info.outChannels]),
    });
    return k.reshape(product, [...filterShape]);
  });

/**
 * Up to this many filter taps (fh·fw·ci) the product runs in Strata's SIMD module (`matmul_long_k`,
 * register tiles over the whole of K, B read unpacked); above it XNNPACK's GEMM, whose packing then
 * costs less than the product it speeds up (conv1 of the MNIST CNN has 9 taps, conv2 288).
 */
const LONG_K_MAX_TAPS = 16;

/** [fh·fw·ci, n·oh·ow]: row (i, j, c) holds, for each output position, the input value filter tap (i, j) read on channel c. */
function im2colTransposed(backend: KernelBackend, x: TensorInfo, info: ReturnType<typeof convGradInfo>): TensorInfo {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ci, outHeight: oh, outWidth: ow, padInfo } = info;
  const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw } = info;
  const heap = wasmHeap(backend);
  const out = heap.makeOutput([fh * fw * ci, n * oh * ow], 'float32');
  const at = (t: TensorInfo) => heap.typedArrayFromHeap(t).byteOffset;
  // Channels in fours: 4×4 blocks transposed in registers (4 positions' channels per load); else a float at a time.
  const kernels = simdKernels(backend);
  const im2col = ci % 4 === 0 ? kernels.im2col_t_c4 : kernels.im2col_t;
  im2col(at(x), at(out), n, h, w, ci, fh, fw, sh, sw, padInfo.top, padInfo.left, oh, ow);
  return out;
}
