import { toTypedArray, typedArrayFor, type DType } from './dtype';
import { engine } from './engine';
import { opError, fmtShape } from './errors';
import { defineOp, runOp } from './op';
import { composed } from './kernels/scratch';
import { toTensor, type OpInput } from './convert';
import type { Tensor } from './tensor';

function checkShape(op: string, shape: readonly number[]): number {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw opError(
      op,
      `shape must be an array of non-negative integers, received ${Array.isArray(shape) ? fmtShape(shape) : JSON.stringify(shape)}`,
    );
  }
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * A tensor of `shape` filled with `value`.
 * @example
 * ```ts
 * fill([2], 7); // [7, 7]
 * ```
 */
export function fill(shape: readonly number[], value: number | boolean, dtype?: DType): Tensor {
  const size = checkShape('fill', shape);
  const dt = dtype ?? (typeof value === 'boolean' ? 'bool' : 'float32');
  const values = typedArrayFor(dt, size);
  values.fill(toTypedArray([value], dt)[0]);
  return engine.fromValues(values, shape, dt);
}

/**
 * A tensor of zeros.
 * @example
 * ```ts
 * zeros([2, 3]); // float32 [[0, 0, 0], [0, 0, 0]]
 * zeros([2], 'int32');
 * ```
 */
export const zeros = (shape: readonly number[], dtype: DType = 'float32'): Tensor => fill(shape, 0, dtype);
/**
 * A tensor of ones.
 * @example
 * ```ts
 * ones([2, 2]); // [[1, 1], [1, 1]]
 * ```
 */
export const ones = (shape: readonly number[], dtype: DType = 'float32'): Tensor => fill(shape, 1, dtype);

function likeOp(name: string, kernelName: string) {
  return defineOp<{
    /** The output dtype. Default: the input's. */
    dtype?: DType;
  }>({
    name,
    infer: ([x], { dtype }) => ({ shape: x.shape, dtype: dtype ?? x.dtype }),
    kernel: (ctx, [x], { dtype }) => composed(ctx, (s) => s.cast(s.run(kernelName, { x }), dtype ?? x.dtype)),
  });
}
/** The op of {@link zerosLike}: its shape rule and kernel, the key of its gradient rule. */
export const zerosLikeOp = likeOp('zerosLike', 'ZerosLike');
/** The op of {@link onesLike}: its shape rule and kernel, the key of its gradient rule. */
export const onesLikeOp = likeOp('onesLike', 'OnesLike');

/**
 * Zeros with the shape (and, unless given, the dtype) of `x`.
 * @example
 * ```ts
 * zerosLike(tensor([[1, 2]])); // [[0, 0]]
 * ```
 */
export function zerosLike(x: OpInput, dtype?: DType): Tensor {
  const temps: Tensor[] = [];
  return runOp(zerosLikeOp, [toTensor(x, 'zerosLike', 'x', temps)], { dtype }, temps);
}
/**
 * Ones with the shape (and, unless given, the dtype) of `x`.
 * @example
 * ```ts
 * onesLike(tensor([1, 2], [2], 'int32')); // [1, 1] (int32)
 * ```
 */
export function onesLike(x: OpInput, dtype?: DType): Tensor {
  const temps: Tensor[] = [];
  return runOp(onesLikeOp, [toTensor(x, 'onesLike', 'x', temps)], { dtype }, temps);
}

/**
 * An identity matrix of `numRows` × `numColumns` (square by default).
 * @example
 * ```ts
 * eye(2); // [[1, 0], [0, 1]]
 * ```
 */
export function eye(numRows: number, numColumns = numRows, dtype: DType = 'float32'): Tensor {
  checkShape('eye', [numRows, numColumns]);
  const values = typedArrayFor(dtype, numRows * numColumns);
  for (let i = 0; i < Math.min(numRows, numColumns); i++) values[i * numColumns + i] = 1;
  return engine.fromValues(values, [numRows, numColumns], dtype);
}

/**
 * Values from `start` up to (not including) `stop` by `step`; `range(n)` is 0..n-1.
 * @example
 * ```ts
 * range(0, 5, 2); // [0, 2, 4]
 * ```
 */
export function range(start: number, stop?: number, step = 1, dtype: DType = 'float32'): Tensor {
  if (stop === undefined) [start, stop] = [0, start];
  if (step === 0 || !Number.isFinite(step))
    throw opError('range', `step must be a finite non-zero number, received ${step}`);
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const values = typedArrayFor(dtype, n);
  for (let i = 0; i < n; i++) values[i] = start + i * step;
  return engine.fromValues(values, [n], dtype);
}

/**
 * `num` evenly spaced values from `start` to `stop`, both included.
 * @example
 * ```ts
 * linspace(0, 1, 3); // [0, 0.5, 1]
 * ```
 */
export function linspace(start: number, stop: number, num: number): Tensor {
  if (!Number.isInteger(num) || num < 0)
    throw opError('linspace', `num must be a non-negative integer, received ${num}`);
  const values = new Float32Array(num);
  const step = num > 1 ? (stop - start) / (num - 1) : 0;
  for (let i = 0; i < num; i++) values[i] = start + i * step;
  return engine.fromValues(values, [num], 'float32');
}
