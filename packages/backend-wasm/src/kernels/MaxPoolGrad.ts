import { backend_util } from '@tensorflow/tfjs-core';
import type { KernelImpl } from '@strata/tensor/internal';
import { StrataError } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { wasmHeap } from './heap';
import { simdKernels } from '../simd';

interface Attrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * The gradient of MaxPool, replacing tfjs-wasm's: its C++ MaxPoolGrad leaves some input positions
 * with no gradient (or a wrong one) for valid and same padding alike, so a CNN with max pooling
 * trains wrongly on wasm. A loop over the wasm heap, as tfjs's cpu kernel computes it: each window's
 * dy goes to the first largest in-bounds input of that window (NaN never wins; an all-NaN window
 * passes nothing). Same inputs (dy, input, output) and attrs as tfjs.
 */
export const maxPoolGrad: KernelImpl = ({ inputs, attrs, backend }) => {
  const { dy, input } = inputs;
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as Attrs;
  if (input.shape.length !== 4)
    throw new StrataError(`MaxPoolGrad: input must have rank 4 (NHWC), received shape ${fmtShape(input.shape)}`);
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  if (fmtShape(dy.shape) !== fmtShape(info.outShape)) {
    throw new StrataError(
      `MaxPoolGrad: dy has shape ${fmtShape(dy.shape)}, expected the pooled shape ${fmtShape(info.outShape)} for input ${fmtShape(input.shape)}`,
    );
  }
  const heap = wasmHeap(backend);
  const out = heap.makeOutput([...input.shape], 'float32');
  // Views are taken after the allocation: a malloc may grow the wasm memory and detach older views.
  const dx = heap.typedArrayFromHeap(out) as Float32Array;
  const x = heap.typedArrayFromHeap(input) as Float32Array;
  const grads = heap.typedArrayFromHeap(dy) as Float32Array;
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, padInfo } = info;
  const twoByTwo =
    info.filterHeight === 2 && info.filterWidth === 2 && info.strideHeight === 2 && info.strideWidth === 2;
  const inside = padInfo.top === 0 && padInfo.left === 0 && 2 * outHeight <= inHeight && 2 * outWidth <= inWidth;
  if (twoByTwo && inside) {
    // A CNN's usual pooling: windows do not overlap, and the SIMD kernel writes every position they
    // cover (dy or 0), so only an odd last row or column needs clearing (makeOutput does not clear).
    if (2 * outHeight < inHeight || 2 * outWidth < inWidth) dx.fill(0);
    simdKernels(backend).max_pool_grad_2x2(
      x.byteOffset,
      grads.byteOffset,
      dx.byteOffset,
      batchSize,
      inHeight,
      inWidth,
      inChannels,
      outHeight,
      outWidth,
    );
  } else {
    dx.fill(0);
    anyWindow(x, grads, dx, info);
  }
  return out;
};

/** Any window, stride and padding: windows may overlap, so gradients add up. */
function anyWindow(x: Float32Array, grads: Float32Array, dx: Float32Array, info: backend_util.Conv2DInfo): void {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, strideHeight, strideWidth } = info;
  const { filterHeight, filterWidth, padInfo } = info;
  const rowStride = inWidth * channels;
  const imageStride = inHeight * rowStride;
  let g = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      const top = yR * strideHeight - padInfo.top;
      const rowFrom = Math.max(0, top);
      const rowTo = Math.min(inHeight, top + filterHeight);
      for (let yC = 0; yC < outWidth; yC++) {
        const left = yC * strideWidth - padInfo.left;
        const colFrom = Math.max(0, left);
        const colTo = Math.min(inWidth, left + filterWidth);
        for (let d = 0; d < channels; d++, g++) {
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          for (let r = rowFrom; r < rowTo; r++) {
            for (
              let c = colFrom, i = b * imageStride + r * rowStride + c * channels + d;
              c < colTo;
              c++, i += channels
            ) {
              if (x[i] > best) {
                best = x[i];
                at = i;
              }
            }
          }
          if (at >= 0) dx[at] += grads[g];
        }
      }
    }
  }
}
