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

/** A tensor of `shape` filled with `value`. */
export function fill(shape: readonly number[], value: number | boolean, dtype?: DType): Tensor {
  const size = checkShape('fill', shape);
  const dt = dtype ?? (typeof value === 'boolean' ? 'bool' : 'float32');
  const values = typedArrayFor(dt, size);
  values.fill(toTypedArray([value], dt)[0]);
  return engine.fromValues(values, shape, dt);
}

export const zeros = (shape: readonly number[], dtype: DType = 'float32'): Tensor => fill(shape, 0, dtype);
export const ones = (shape: readonly number[], dtype: DType = 'float32'): Tensor => fill(shape, 1, dtype);

function likeOp(name: string, kernelName: string) {
  return defineOp<{ dtype?: DType }>({
    name,
    infer: ([x], { dtype }) => ({ shape: x.shape, dtype: dtype ?? x.dtype }),
    kernel: (ctx, [x], { dtype }) => composed(ctx, (s) => s.cast(s.run(kernelName, { x }), dtype ?? x.dtype)),
  });
}
export const zerosLikeOp = likeOp('zerosLike', 'ZerosLike');
export const onesLikeOp = likeOp('onesLike', 'OnesLike');

/** Zeros with the shape (and, unless given, the dtype) of `x`. */
export function zerosLike(x: OpInput, dtype?: DType): Tensor {
  const temps: Tensor[] = [];
  return runOp(zerosLikeOp, [toTensor(x, 'zerosLike', 'x', temps)], { dtype }, temps);
}
/** Ones with the shape (and, unless given, the dtype) of `x`. */
export function onesLike(x: OpInput, dtype?: DType): Tensor {
  const temps: Tensor[] = [];
  return runOp(onesLikeOp, [toTensor(x, 'onesLike', 'x', temps)], { dtype }, temps);
}

/** An identity matrix of `numRows` × `numColumns` (square by default). */
export function eye(numRows: number, numColumns = numRows, dtype: DType = 'float32'): Tensor {
  checkShape('eye', [numRows, numColumns]);
  const values = typedArrayFor(dtype, numRows * numColumns);
  for (let i = 0; i < Math.min(numRows, numColumns); i++) values[i * numColumns + i] = 1;
  return engine.fromValues(values, [numRows, numColumns], dtype);
}

/** Values from `start` up to (not including) `stop` by `step`; `range(n)` is 0..n-1. */
export function range(start: number, stop?: number, step = 1, dtype: DType = 'float32'): Tensor {
  if (stop === undefined) [start, stop] = [0, start];
  if (step === 0 || !Number.isFinite(step))
    throw opError('range', `step must be a finite non-zero number, received ${step}`);
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const values = typedArrayFor(dtype, n);
  for (let i = 0; i < n; i++) values[i] = start + i * step;
  return engine.fromValues(values, [n], dtype);
}

/** `num` evenly spaced values from `start` to `stop`, both included. */
export function linspace(start: number, stop: number, num: number): Tensor {
  if (!Number.isInteger(num) || num < 0)
    throw opError('linspace', `num must be a non-negative integer, received ${num}`);
  const values = new Float32Array(num);
  const step = num > 1 ? (stop - start) / (num - 1) : 0;
  for (let i = 0; i < num; i++) values[i] = start + i * step;
  return engine.fromValues(values, [num], 'float32');
}
