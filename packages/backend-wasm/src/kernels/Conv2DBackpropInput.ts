import { StrataError } from '@strata/tensor';
import type { KernelBackend } from '@tensorflow/tfjs-core';
import {
  composed,
  Scratch,
  convGradInfo,
  padOrCrop,
  spreadByStrides,
  type ConvGradAttrs,
  type KernelImpl,
  type TensorInfo,
} from '@strata/tensor/internal';
import { simdKernels } from '../simd';
import { wasmHeap } from './heap';

interface Attrs extends ConvGradAttrs {
  dataFormat?: 'NHWC' | 'NCHW';
  inputShape: [number, number, number, number];
}

/**
 * The gradient of Conv2D with respect to its input, replacing tfjs-wasm's: its C++ loop took 55% of
 * an MNIST CNN's training step (293 ms of 538 for [128,11,11,64] → [128,13,13,32]). Two ways, picked
 * by the work each does (`byColumns`):
 * - **columns**: cols = dy · Wᵀ (XNNPACK's GEMM), one row per output position and one column per filter
 *   tap and input channel, then Strata's SIMD `col2im` adds each column into the input position that tap
 *   read. It multiplies only what the forward pass did: strides and 'valid' padding cost nothing extra.
 * - **full correlation** by tfjs-wasm's own Conv2D (XNNPACK): dy spread `strides` apart, padded so
 *   that a valid correlation lands on the input's rows and columns, correlated with the filter flipped
 *   in space and with its channels swapped ([fh, fw, out, in]). It runs one position per input
 *   position, each over all the taps, so it wins only where there are as many outputs as inputs
 *   ('same' padding, stride 1), where the columns' extra pass over memory is pure cost.
 * Same attrs as tfjs: strides, pad, dataFormat, dimRoundingMode, inputShape (no dilations: Strata's
 * op spreads a dilated filter before calling this kernel, as tfjs's conv2d gradient refuses them).
 */
export const conv2DBackpropInput: KernelImpl = ({ inputs, attrs, backend, strata }) =>
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
    const dx = byColumns(info) ? throughColumns(k, backend, dy, filter, info) : fullCorrelation(k, dy, filter, info);
    return dataFormat === 'NCHW' ? k.transpose(dx, [0, 3, 1, 2]) : dx;
  });

type Info = ReturnType<typeof convGradInfo>;

/**
 * Columns multiply n·oh·ow positions by the taps, the correlation n·h·w: columns win when there are
 * fewer outputs than inputs, by enough (a fifth) to pay for writing and reading the columns once more.
 */
const byColumns = (info: Info) => 5 * info.outHeight * info.outWidth <= 4 * info.inHeight * info.inWidth;

/** At most this many floats of columns at once (32 MB): larger batches are done a few images at a time. */
const MAX_COLUMN_FLOATS = 1 << 23;

function throughColumns(
  k: Scratch,
  backend: KernelBackend,
  dy: TensorInfo,
  filter: TensorInfo,
  info: Info,
): TensorInfo {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ci, outHeight: oh, outWidth: ow, outChannels: co } = info;
  const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw, padInfo } = info;
  const taps = fh * fw * ci;
  // Wᵀ [co, taps], made explicit: tfjs-wasm's BatchMatMul with transposeB is many times slower.
  const filterT = k.reshape(k.transpose(k.reshape(filter, [taps, co]), [1, 0]), [1, co, taps]);
  const heap = wasmHeap(backend);
  const dx = k.adopt(heap.makeOutput([n, h, w, ci], 'float32'));
  const at = (t: TensorInfo) => heap.typedArrayFromHeap(t).byteOffset;
  const perChunk = Math.max(1, Math.floor(MAX_COLUMN_FLOATS / (oh * ow * taps)));
  for (let b0 = 0; b0 < n; b0 += perChunk) {
    const images = Math.min(perChunk, n - b0);
    // Each chunk's intermediates are freed before the next: a large batch holds one chunk's columns at a time.
    const chunk = new Scratch(k.backend);
    try {
      const part =
        images === n ? dy : chunk.run('Slice', { x: dy }, { begin: [b0, 0, 0, 0], size: [images, oh, ow, co] });
      const cols = chunk.run('BatchMatMul', { a: chunk.reshape(part, [1, images * oh * ow, co]), b: filterT });
      const dxAt = at(dx) + b0 * h * w * ci * 4;
      simdKernels(backend).col2im(at(cols), dxAt, images, h, w, ci, fh, fw, sh, sw, padInfo.top, padInfo.left, oh, ow);
    } finally {
      chunk.release();
    }
  }
  return dx;
}

function fullCorrelation(k: Scratch, dy: TensorInfo, filter: TensorInfo, info: Info): TensorInfo {
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
  return k.run(
    'Conv2D',
    { x: padded, filter: flipped },
    { strides: 1, pad: 'valid', dataFormat: 'NHWC', dilations: 1 },
  );
}
