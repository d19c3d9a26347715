import { backend_util } from '@tensorflow/tfjs-core';
import type { KernelImpl } from '@strata/tensor';
import { StrataError, fmtShape } from '@strata/tensor';
import { wasmHeap } from './heap';

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
  if (input.shape.length !== 4) throw new StrataError(`MaxPoolGrad: input must have rank 4 (NHWC), received shape ${fmtShape(input.shape)}`);
  const info = backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
  if (fmtShape(dy.shape) !== fmtShape(info.outShape)) {
    throw new StrataError(`MaxPoolGrad: dy has shape ${fmtShape(dy.shape)}, expected the pooled shape ${fmtShape(info.outShape)} for input ${fmtShape(input.shape)}`);
  }
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, strideHeight, strideWidth } = info;
  const { filterHeight, filterWidth, padInfo } = info;
  const heap = wasmHeap(backend);
  const out = heap.makeOutput([...input.shape], 'float32');
  // Views are taken after the allocation: a malloc may grow the wasm memory and detach older views.
  const dx = heap.typedArrayFromHeap(out);
  const x = heap.typedArrayFromHeap(input);
  const grads = heap.typedArrayFromHeap(dy);
  dx.fill(0); // makeOutput does not clear the memory it hands out
  const rowStride = inWidth * channels;
  const imageStride = inHeight * rowStride;
  let g = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      const top = yR * strideHeight - padInfo.top;
      const rows = [Math.max(0, top), Math.min(inHeight, top + filterHeight)];
      for (let yC = 0; yC < outWidth; yC++) {
        const left = yC * strideWidth - padInfo.left;
        const cols = [Math.max(0, left), Math.min(inWidth, left + filterWidth)];
        for (let d = 0; d < channels; d++, g++) {
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          for (let r = rows[0]; r < rows[1]; r++) {
            for (let c = cols[0]; c < cols[1]; c++) {
              const i = b * imageStride + r * rowStride + c * channels + d;
              if (x[i] > best) [best, at] = [x[i], i];
            }
          }
          if (at >= 0) dx[at] += grads[g];
        }
      }
    }
  }
  return out;
};
