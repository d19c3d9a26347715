/** The element types a Strata tensor can hold. */
export type DType = 'float32' | 'int32' | 'bool';

/** The typed array a dtype reads as: float32 → Float32Array, int32 → Int32Array, bool → Uint8Array. */
export type TypedArray = Float32Array | Int32Array | Uint8Array;

/** What a tensor's data reads back as: bool is stored one byte per element, as in TensorFlow.js. */
export type DataFor<D extends DType> = D extends 'float32' ? Float32Array : D extends 'int32' ? Int32Array : Uint8Array;

const RANK: Record<DType, number> = { bool: 0, int32: 1, float32: 2 };

/** Every dtype Strata has, widest last in promotion order: float32, int32, bool. */
export const DTYPES: readonly DType[] = ['float32', 'int32', 'bool'];

export function isDType(x: unknown): x is DType {
  return x === 'float32' || x === 'int32' || x === 'bool';
}

/**
 * The dtype two operands are promoted to: bool < int32 < float32.
 * @example
 * ```ts
 * upcast('int32', 'float32'); // 'float32'
 * ```
 */
export function upcast(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

export function bytesPerElement(dtype: DType): number {
  return dtype === 'bool' ? 1 : 4;
}

export function typedArrayFor(dtype: DType, size: number): TypedArray {
  if (dtype === 'float32') return new Float32Array(size);
  if (dtype === 'int32') return new Int32Array(size);
  return new Uint8Array(size);
}

/** Copies `values` into a fresh typed array of `dtype` (int32 truncates toward zero, bool is x != 0). */
export function toTypedArray(values: ArrayLike<number | boolean>, dtype: DType): TypedArray {
  const out = typedArrayFor(dtype, values.length);
  if (dtype === 'bool') {
    for (let i = 0; i < values.length; i++) out[i] = values[i] ? 1 : 0;
  } else if (dtype === 'int32') {
    for (let i = 0; i < values.length; i++) out[i] = Math.trunc(Number(values[i]));
  } else {
    for (let i = 0; i < values.length; i++) out[i] = Number(values[i]);
  }
  return out;
}
