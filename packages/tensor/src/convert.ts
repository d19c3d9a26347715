import { toTypedArray, type DType, type TypedArray } from './dtype';
import { engine } from './engine';
import { opError, fmtShape } from './errors';
import { isSymbolic, type SymbolicTensorLike } from './op';
import { Tensor, type NestedArray } from './tensor';

/** Anything an op accepts where it takes a tensor. */
export type TensorLike = Tensor | number | boolean | TypedArray | NestedArray<number | boolean>;
/** An op input: a tensor-like value or a symbolic tensor of a graph being built. */
export type OpInput = TensorLike | SymbolicTensorLike;

function isTypedArray(x: unknown): x is TypedArray {
  return x instanceof Float32Array || x instanceof Int32Array || x instanceof Uint8Array;
}

function inferDtype(values: unknown): DType {
  if (values instanceof Float32Array) return 'float32';
  if (values instanceof Int32Array || values instanceof Uint8Array) return 'int32';
  let v: unknown = values;
  while (Array.isArray(v)) v = v[0];
  return typeof v === 'boolean' ? 'bool' : 'float32';
}

/** Reads the shape of nested arrays, checking that they are rectangular. */
export function shapeOfNested(op: string, values: unknown): number[] {
  const shape: number[] = [];
  let v = values;
  while (Array.isArray(v)) {
    shape.push(v.length);
    v = v[0];
  }
  const check = (x: unknown, axis: number, path: string): void => {
    if (axis === shape.length) {
      if (Array.isArray(x))
        throw opError(
          op,
          `values are not rectangular: element ${path} is an array where a number was expected (inferred shape ${fmtShape(shape)})`,
        );
      if (typeof x !== 'number' && typeof x !== 'boolean')
        throw opError(op, `values must be numbers or booleans, received ${typeof x} at ${path}`);
      return;
    }
    if (!Array.isArray(x) || x.length !== shape[axis]) {
      throw opError(
        op,
        `values are not rectangular: expected ${path} to have ${shape[axis]} elements like the first one (inferred shape ${fmtShape(shape)}), received ${Array.isArray(x) ? x.length : typeof x}`,
      );
    }
    if (axis === shape.length - 1 && x.every((e) => typeof e === 'number' || typeof e === 'boolean')) return;
    x.forEach((e, i) => check(e, axis + 1, `${path}[${i}]`));
  };
  check(values, 0, 'values');
  return shape;
}

function flatten(values: unknown, out: (number | boolean)[] = []): (number | boolean)[] {
  if (Array.isArray(values)) for (const v of values) flatten(v, out);
  else out.push(values as number | boolean);
  return out;
}

/**
 * Makes a tensor from JS values: `tensor([[1, 2], [3, 4]])`, `tensor(float32Array, [2, 2])`.
 * @example
 * ```ts
 * tensor([[1, 2], [3, 4]]); // [[1, 2], [3, 4]]
 * ```
 */
export function tensor(values: TensorLike, shape?: readonly number[], dtype?: DType): Tensor {
  const op = 'tensor';
  if (values instanceof Tensor) throw opError(op, 'received a Tensor; use clone(t) or cast(t, dtype) to copy one');
  if (!isTypedArray(values) && !Array.isArray(values) && typeof values !== 'number' && typeof values !== 'boolean') {
    throw opError(
      op,
      `values must be numbers, booleans, (nested) arrays of them or a typed array, received ${values === null ? 'null' : typeof values}`,
    );
  }
  const dt = dtype ?? inferDtype(values);
  const inferred = isTypedArray(values) ? [values.length] : Array.isArray(values) ? shapeOfNested(op, values) : [];
  const flat = isTypedArray(values) ? values : Array.isArray(values) ? flatten(values) : [values as number | boolean];
  const finalShape = shape ? [...shape] : inferred;
  for (const d of finalShape) {
    if (!Number.isInteger(d) || d < 0)
      throw opError(op, `shape must hold non-negative integers, received ${fmtShape(finalShape)}`);
  }
  const size = finalShape.reduce((a, b) => a * b, 1);
  if (size !== flat.length) {
    throw opError(
      op,
      `shape ${fmtShape(finalShape)} holds ${size} values but ${flat.length} were given; pass a shape whose product is ${flat.length}`,
    );
  }
  return engine.fromValues(toTypedArray(flat, dt), finalShape, dt);
}

/**
 * A rank-0 tensor.
 * @example
 * ```ts
 * scalar(3, 'int32'); // 3 (int32)
 * ```
 */
export function scalar(value: number | boolean, dtype?: DType): Tensor {
  return tensor(value, [], dtype);
}

/**
 * Converts an op argument to a tensor. A JS value becomes a temporary tensor (listed in `temps`
 * so the op frees it); `like` gives JS numbers the dtype of the tensor they meet, as NumPy's weak
 * scalars: `add(int32Tensor, 1)` stays int32, `add(int32Tensor, 0.5)` becomes float32.
 * @example
 * ```ts
 * const temps: Tensor[] = [];
 * const t = toTensor([1, 2], 'myOp', 'x', temps); // temps: what it made, for the caller to free
 * ```
 */
export function toTensor(
  x: OpInput,
  op: string,
  arg: string,
  temps: Tensor[],
  like?: DType,
): Tensor | SymbolicTensorLike {
  if (x instanceof Tensor || isSymbolic(x)) return x;
  if (x === null || x === undefined || (typeof x === 'object' && !Array.isArray(x) && !isTypedArray(x))) {
    throw opError(
      op,
      `${arg} must be a Tensor, a number, a boolean or a (nested) array, received ${x === null ? 'null' : typeof x}`,
    );
  }
  let dtype: DType | undefined;
  if (like && typeof x === 'number')
    dtype =
      like === 'bool'
        ? Number.isInteger(x)
          ? 'int32'
          : 'float32'
        : like === 'int32' && !Number.isInteger(x)
          ? 'float32'
          : like;
  const t = tensor(x as TensorLike, undefined, dtype);
  temps.push(t);
  return t;
}
