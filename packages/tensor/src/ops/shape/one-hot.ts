import { isDType, type DType } from '../../dtype';
import { opError } from '../../errors';
import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { toIndexTensor, withTemps } from './args';
import { composed } from '../../kernels/scratch';

/** The attributes of {@link oneHot}. */
export interface OneHotAttrs {
  /** The number of classes: the size of the new last axis. */
  depth: number;
  /** The value at each index. */
  onValue: number;
  /** The value everywhere else. */
  offValue: number;
  /** The output dtype. */
  dtype: DType;
}

/** The op of {@link oneHot}: its shape rule and kernel, the key of its gradient rule. */
export const oneHotOp = defineOp<OneHotAttrs>({
  name: 'oneHot',
  infer: ([indices], { depth, dtype }) => {
    if (indices.dtype !== 'int32') throw opError('oneHot', `indices must be int32, received ${indices.dtype}`);
    return { shape: [...indices.shape, depth], dtype };
  },
  kernel: (ctx, [indices], { depth, onValue, offValue, dtype }) =>
    composed(ctx, (s) => {
      // Only an int32 0/1 OneHot is right everywhere: wasm's kernel writes int32 whatever the dtype.
      const mask = s.run('OneHot', { indices }, { depth, onValue: 1, offValue: 0, dtype: 'int32' });
      const compute: DType = dtype === 'float32' ? 'float32' : 'int32';
      let values = s.cast(mask, compute);
      if (onValue !== 1 || offValue !== 0) {
        const scaled = s.run('Multiply', { a: values, b: s.scalar(onValue - offValue, compute) });
        values = s.run('Add', { a: scaled, b: s.scalar(offValue, compute) });
      }
      return s.cast(values, dtype);
    }),
});

/** Options of {@link oneHot}. */
export interface OneHotOptions {
  /** The value at each index. Default: 1. */
  onValue?: number | boolean;
  /** The value everywhere else. Default: 0. */
  offValue?: number | boolean;
  /** Default float32, as in TensorFlow (tfjs defaults to int32). */
  dtype?: DType;
}

function checkValue(name: string, value: number | boolean, dtype: DType): number {
  const v = typeof value === 'boolean' ? Number(value) : value;
  const ok =
    typeof v === 'number' && (dtype === 'float32' || (dtype === 'int32' ? Number.isInteger(v) : v === 0 || v === 1));
  if (!ok)
    throw opError(
      'oneHot',
      `${name} must be ${dtype === 'float32' ? 'a number' : dtype === 'int32' ? 'an integer' : 'a boolean (or 0/1)'} for dtype ${dtype}, received ${JSON.stringify(value)}`,
    );
  return v;
}

/**
 * One-hot vectors: the result has shape indices.shape + [depth], holding onValue where the last
 * index equals the (int32) index and offValue elsewhere. An index outside [0, depth) gives a row of
 * offValue, on every backend, as in TensorFlow.
 * @example
 * ```ts
 * oneHot(tensor([0, 2], [2], 'int32'), 3); // [[1, 0, 0], [0, 0, 1]]
 * ```
 */
export function oneHot(indices: OpInput, depth: number, options: OneHotOptions = {}): Tensor {
  return withTemps((temps) => {
    const dtype = options.dtype ?? 'float32';
    if (!isDType(dtype))
      throw opError('oneHot', `dtype must be 'float32', 'int32' or 'bool', received ${JSON.stringify(dtype)}`);
    if (!Number.isInteger(depth) || depth < 0)
      throw opError('oneHot', `depth must be a non-negative integer, received ${JSON.stringify(depth)}`);
    const onValue = checkValue('onValue', options.onValue ?? 1, dtype);
    const offValue = checkValue('offValue', options.offValue ?? 0, dtype);
    const i = toIndexTensor(indices, 'oneHot', 'indices', temps);
    return runOp(oneHotOp, [i], { depth, onValue, offValue, dtype }, temps);
  });
}
