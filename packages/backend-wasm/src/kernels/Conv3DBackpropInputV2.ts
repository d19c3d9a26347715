import { composed } from '@strata/tensor/internal';
import type { KernelImpl } from '@strata/tensor/internal';
import { conv3dGradInfo, padOrCrop3d, spreadByStrides3d } from './spatial3d';

interface Attrs {
  strides: number | [number, number, number];
  pad: 'valid' | 'same';
  inputShape: [number, number, number, number, number];
}

/**
 * The gradient of Conv3D with respect to its input. tfjs-wasm 4.22 has this kernel but it returns
 * wrong values; replaced by a "transposed" convolution built from wasm's own Conv3D: dy is spread
 * `strides` apart, padded so that a valid correlation lands on the input's planes, rows and
 * columns, and correlated with the filter flipped in space and with its channel axes swapped.
 * Same attrs as tfjs: strides, pad, inputShape (NDHWC, no dilations).
 */
export const conv3DBackpropInputV2: KernelImpl = ({ inputs, attrs, strata }) =>
  composed(strata, (k) => {
    const { strides, pad, inputShape } = attrs as unknown as Attrs;
    const dy = k.float(inputs.dy);
    const filter = k.float(inputs.filter);
    const info = conv3dGradInfo('Conv3DBackpropInputV2', inputShape, filter.shape, dy, strides, pad);
    const f = [info.filterDepth, info.filterHeight, info.filterWidth];
    const input = [info.inDepth, info.inHeight, info.inWidth];
    const before = [info.padInfo.front, info.padInfo.top, info.padInfo.left];
    const spread = spreadByStrides3d(k, dy, [info.strideDepth, info.strideHeight, info.strideWidth]);
    // Input plane r gets dy's plane j through filter plane i where j = r + front - i; flipping the
    // filter makes that a plain correlation once spread dy starts (fd - 1) - front planes earlier.
    const margins = [0, 1, 2].map((i) => {
      const lead = f[i] - 1 - before[i];
      return [lead, input[i] + f[i] - 1 - lead - spread.shape[i + 1]];
    });
    const padded = padOrCrop3d(k, spread, margins as never);
    const flipped = k.run('Reverse', { x: filter }, { dims: [0, 1, 2] });
    const swapped = k.transpose(flipped, [0, 1, 2, 4, 3]); // [fd, fh, fw, co, ci]
    return k.run(
      'Conv3D',
      { x: padded, filter: swapped },
      { strides: [1, 1, 1], pad: 'valid', dataFormat: 'NDHWC', dilations: [1, 1, 1] },
    );
  });
