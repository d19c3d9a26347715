import type { TensorInfo } from '../../backend';
import type { KernelContext } from '../../op';
import { sizeOf } from '../../shape';
import type { FusedAttrs } from './fused-activation';
import { composed } from '../../kernels/scratch';

/**
 * A fused product or convolution over an empty inner axis (no input channels, or a shared axis of
 * size 0) sums nothing, so each output is activation(0 + bias). Computed as a product of zeros
 * with an inner size of 1, so the activation is exactly the fused kernel's and no empty tensor
 * reaches a kernel.
 */
export function fusedOfNothing(
  ctx: KernelContext,
  outShape: readonly number[],
  bias: TensorInfo | undefined,
  attrs: FusedAttrs,
): TensorInfo {
  const channels = outShape[outShape.length - 1];
  const rows = sizeOf(outShape) / channels;
  return composed(ctx, (s) => {
    const a = s.write(new Float32Array(rows), [1, rows, 1], 'float32');
    const b = s.write(new Float32Array(channels), [1, 1, channels], 'float32');
    const inputs: Record<string, TensorInfo> = { a, b };
    if (bias) inputs.bias = s.cast(bias, 'float32');
    const out = s.run('_FusedMatMul', inputs, {
      transposeA: false,
      transposeB: false,
      activation: attrs.activation,
      leakyreluAlpha: attrs.leakyreluAlpha,
    });
    return s.reshape(out, outShape);
  });
}
