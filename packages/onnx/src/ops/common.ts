import type { DType } from '@strata/tensor';
import type { TensorSpec } from '@strata/tensor/internal';
import { TensorAttr, type OnnxBuilder } from '../builder';
import { onnxType } from '../dtypes';
import { OnnxExportError } from '../errors';

/** One recorded op as the converters see it: ONNX names of its inputs, their specs, its attrs. */
export interface OpCall {
  readonly op: string;
  readonly inputs: readonly string[];
  readonly specs: readonly TensorSpec[];
  readonly attrs: any;
  readonly outputs: readonly TensorSpec[];
}

/** Writes one Strata op as ONNX nodes; returns the names of its outputs. */
export type OpConverter = (b: OnnxBuilder, c: OpCall) => string | string[];

export function unsupported(c: OpCall, why: string): never {
  throw new OnnxExportError(`op "${c.op}" cannot be exported: ${why}`);
}

export function cast(b: OnnxBuilder, x: string, from: DType, to: DType): string {
  return from === to ? x : b.op('Cast', [x], { to: onnxType(to) });
}

export function rankOf(c: OpCall, i = 0): number {
  return c.specs[i].shape.length;
}

export function positiveAxis(axis: number, rank: number): number {
  return axis < 0 ? axis + rank : axis;
}

/** A reduction over `axes` (null: all): axes are an input from opset 18 (13 for ReduceSum). */
export function reduce(
  b: OnnxBuilder,
  opType: string,
  x: string,
  axes: readonly number[] | null,
  keepDims: boolean,
): string {
  const keepdims = keepDims ? 1 : 0;
  const asInput = opType === 'ReduceSum' ? b.opset >= 13 : b.opset >= 18;
  if (axes === null) return b.op(opType, [x], { keepdims });
  if (axes.length === 0) return b.op('Identity', [x]);
  return asInput ? b.op(opType, [x, b.int64s(axes)], { keepdims }) : b.op(opType, [x], { keepdims, axes });
}

export function unsqueeze(b: OnnxBuilder, x: string, axes: readonly number[]): string {
  return b.op('Unsqueeze', [x, b.int64s(axes)]);
}

export function squeeze(b: OnnxBuilder, x: string, axes: readonly number[]): string {
  return b.op('Squeeze', [x, b.int64s(axes)]);
}

/** [batch, ...spatial, channels] → [batch, channels, ...spatial]: ONNX's Conv and Pool layout. */
export function toChannelsFirst(b: OnnxBuilder, x: string, rank: number): string {
  const perm = [0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)];
  return b.op('Transpose', [x], { perm });
}

export function toChannelsLast(b: OnnxBuilder, x: string, rank: number): string {
  const perm = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1];
  return b.op('Transpose', [x], { perm });
}

/** A tensor shaped like `x` filled with `value` (zerosLike, onesLike). */
export function filledLike(b: OnnxBuilder, x: string, value: number, dtype: DType): string {
  const values =
    dtype === 'float32' ? Float32Array.of(value) : dtype === 'int32' ? Int32Array.of(value) : Uint8Array.of(value);
  return b.op('ConstantOfShape', [b.op('Shape', [x])], { value: new TensorAttr(onnxType(dtype), values) });
}

export function requireBatched(c: OpCall, rank: number, what: string): void {
  if (rankOf(c) !== rank)
    unsupported(c, `expected a batched input of rank ${rank} ${what}, received shape [${c.specs[0].shape.join(',')}]`);
}
