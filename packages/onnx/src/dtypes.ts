import type { DType } from '@strata/tensor';
import { OnnxExportError } from './errors';

/** onnx.TensorProto.DataType numbers. */
export const ONNX_FLOAT = 1;
export const ONNX_INT32 = 6;
export const ONNX_INT64 = 7;
export const ONNX_BOOL = 9;

export function onnxType(dtype: DType): number {
  switch (dtype) {
    case 'float32':
      return ONNX_FLOAT;
    case 'int32':
      return ONNX_INT32;
    case 'bool':
      return ONNX_BOOL;
    default:
      throw new OnnxExportError(`dtype ${String(dtype)} has no ONNX equivalent here; expected float32, int32 or bool`);
  }
}

/** Little-endian bytes of a typed array, as TensorProto.raw_data wants them. */
export function rawBytes(values: Float32Array | Int32Array | BigInt64Array | Uint8Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
}
