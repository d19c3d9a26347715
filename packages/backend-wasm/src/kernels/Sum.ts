import { util } from '@tensorflow/tfjs-core';
import { composed, type KernelImpl, type TensorInfo } from '@strata/tensor/internal';
import { tfjsWasmKernel } from './tfjs-kernel';

/**
 * Sum, with sums over leading axes (a bias's gradient: [128,26,26,32] summed to [32]) done as one
 * matmul ones[1, M] · x[M, C]. tfjs-wasm transposes the reduced axes to the end first, then adds
 * rows one by one: 6 ms for that bias, against under 1 ms here. Every other sum is tfjs-wasm's.
 */
export const sum: KernelImpl = ({ inputs, attrs, backend, strata }) => {
  const { x } = inputs;
  const rank = x.shape.length;
  const axes = util.parseAxisParam(attrs.axis as number | number[], x.shape).sort((a, b) => a - b);
  const leading = axes.length > 0 && axes.length < rank && axes.every((a, i) => a === i);
  const rows = util.sizeFromShape(x.shape.slice(0, axes.length));
  if (x.dtype !== 'float32' || !leading || rows < 2)
    return tfjsWasmKernel('Sum')({ inputs: { x } as never, backend, attrs }) as unknown as TensorInfo;
  const kept = x.shape.slice(axes.length);
  const outShape = attrs.keepDims ? [...x.shape.slice(0, axes.length).map(() => 1), ...kept] : kept;
  return composed(strata, (k) => {
    const ones = k.adopt({
      dataId: strata.tf.write(new Float32Array(rows).fill(1), [1, 1, rows], 'float32'),
      shape: [1, 1, rows],
      dtype: 'float32',
    });
    const product = k.run('BatchMatMul', { a: ones, b: k.reshape(x, [1, rows, util.sizeFromShape(kept)]) });
    return k.reshape(product, outShape);
  });
};
