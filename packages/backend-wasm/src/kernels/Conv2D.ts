import { backend_util, util, type KernelBackend } from '@tensorflow/tfjs-core';
import { composed, type KernelImpl, type TensorInfo } from '@strata/tensor/internal';
import { simdKernels } from '../simd';
import { fusedConv2D as xnnpackFusedConv2D } from './FusedBias';
import { wasmHeap } from './heap';
import { kernelThreads } from './threads';
import { tfjsWasmKernel } from './tfjs-kernel';

interface ConvAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  activation?: string;
  leakyreluAlpha?: number;
}

type Inputs = Parameters<KernelImpl>[0]['inputs'];

/**
 * Conv2D and FusedConv2D on one thread: Strata's direct SIMD convolution (`conv2d_direct` in
 * simd/kernels.c; 2 pixels × 16 channels of register tile, the input padded first so the loop checks
 * no bounds, bias and relu applied in registers). It beat XNNPACK's indirect GEMM on every layer of
 * the MNIST CNN and on 64-channel layers (measured on one thread: conv1 3.4 → 2.0 ms, conv2 19.7 →
 * 17 ms), and sums in the same order, so the results are the same to the bit there. With more threads
 * XNNPACK spreads the work over them and keeps the call, as it does for what the loop does not cover:
 * NCHW, activations other than relu, a bias of other than one value per channel. Calls with a
 * dimRoundingMode come here on any thread count: tfjs-wasm's kernel ignores it.
 */
export const conv2D: KernelImpl = (args) =>
  direct(args, false) ?? (tfjsWasmKernel('Conv2D')(args as never) as unknown as TensorInfo);

export const fusedConv2D: KernelImpl = (args) => direct(args, true) ?? xnnpackFusedConv2D(args);

/** The direct convolution's result, or null where it does not apply (XNNPACK's kernel then runs). */
function direct({ inputs, attrs, backend, strata }: Parameters<KernelImpl>[0], fused: boolean): TensorInfo | null {
  const { x, filter, bias } = inputs as Inputs & { bias?: TensorInfo };
  const a = attrs as unknown as ConvAttrs;
  const activation = a.activation ?? 'linear';
  const co = filter.shape[3];
  // tfjs-wasm 4.22 ignores dimRoundingMode (its output misses the last, partial window under 'ceil'):
  // the direct loop takes those calls on any thread count.
  const rounded = a.dimRoundingMode !== undefined && a.dimRoundingMode !== 'floor';
  const applies =
    (kernelThreads() === 1 || rounded) &&
    (a.dataFormat ?? 'NHWC') === 'NHWC' &&
    x.dtype === 'float32' &&
    filter.dtype === 'float32' &&
    x.shape.length === 4 &&
    (!fused || activation === 'linear' || activation === 'relu') &&
    (!bias || (bias.dtype === 'float32' && util.sizeFromShape(bias.shape) === co));
  if (!applies) return null;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filter.shape as [number, number, number, number],
    a.strides,
    a.dilations ?? 1,
    a.pad,
    a.dimRoundingMode,
  );
  if (util.sizeFromShape(info.outShape) === 0 || info.inChannels === 0) return null;
  return composed(strata, (k) => {
    const { top, left } = info.padInfo;
    // Pad so that every window lies inside: the rows and columns the last window reaches, at least.
    const needH = (info.outHeight - 1) * info.strideHeight + info.effectiveFilterHeight;
    const needW = (info.outWidth - 1) * info.strideWidth + info.effectiveFilterWidth;
    const bottom = Math.max(info.padInfo.bottom, needH - top - info.inHeight);
    const right = Math.max(info.padInfo.right, needW - left - info.inWidth);
    const padded =
      top + bottom + left + right === 0
        ? x
        : k.run(
            'PadV2',
            { x },
            {
              paddings: [
                [0, 0],
                [top, bottom],
                [left, right],
                [0, 0],
              ],
              constantValue: 0,
            },
          );
    const heap = wasmHeap(backend);
    const out = k.adopt(heap.makeOutput([...info.outShape], 'float32'));
    const at = (t: TensorInfo) => heap.typedArrayFromHeap(t).byteOffset;
    const flags = (bias ? CONV_BIAS : 0) | (activation === 'relu' ? CONV_RELU : 0);
    simdKernels(backend as KernelBackend).conv2d_direct(
      at(padded),
      at(filter),
      bias ? at(bias) : 0,
      at(out),
      info.batchSize,
      info.inHeight + top + bottom,
      info.inWidth + left + right,
      info.inChannels,
      info.filterHeight,
      info.filterWidth,
      info.strideHeight,
      info.strideWidth,
      info.dilationHeight,
      info.dilationWidth,
      info.outHeight,
      info.outWidth,
      co,
      flags,
    );
    return out;
  });
}

/** conv2d_direct' flags (kernels.c's CONV_BIAS, CONV_RELU). */
const CONV_BIAS = 1;
const CONV_RELU = 2;
