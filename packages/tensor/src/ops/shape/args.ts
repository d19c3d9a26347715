// Argument checks and conversions shared by the shape ops.
import { tensor, toTensor, type OpInput, type TensorLike } from '../../convert';
import type { DType } from '../../dtype';
import { opError, fmtShape } from '../../errors';
import { isSymbolic, type SymbolicTensorLike } from '../../op';
import type { Dim, Shape } from '../../shape';
import { Tensor } from '../../tensor';

/** A tensor or a symbolic tensor, as op functions hold their inputs. */
export type OpTensor = Tensor | SymbolicTensorLike;

/** Checks that `values` is an array of integers no smaller than `min`; returns a copy. */
export function intList(op: string, arg: string, values: unknown, min = -Infinity, what = 'integers'): number[] {
  if (!Array.isArray(values) || values.some((v) => !Number.isInteger(v) || v < min)) {
    throw opError(op, `${arg} must be an array of ${what}, received ${JSON.stringify(values)}`);
  }
  return [...(values as number[])];
}

/** Checks one integer argument (an axis, a count) against an inclusive range. */
export function intIn(op: string, arg: string, value: unknown, lo: number, hi: number, context = ''): number {
  if (!Number.isInteger(value) || (value as number) < lo || (value as number) > hi) {
    throw opError(op, `${arg} must be an integer in [${lo}, ${hi}]${context}, received ${JSON.stringify(value)}`);
  }
  return value as number;
}

function allIntegers(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(allIntegers);
  if (v instanceof Float32Array || v instanceof Int32Array || v instanceof Uint8Array)
    return Array.from(v).every(Number.isInteger);
  return typeof v === 'number' && Number.isInteger(v);
}

/**
 * An index argument as an int32 tensor. JS numbers and arrays become int32 temporaries (they must
 * hold integers); tensors must already be int32, as TensorFlow requires of indices.
 */
export function toIndexTensor(x: OpInput, op: string, arg: string, temps: Tensor[]): OpTensor {
  if (x instanceof Tensor || isSymbolic(x)) {
    if (x.dtype !== 'int32')
      throw opError(
        op,
        `${arg} must be an int32 tensor, received ${x.dtype} (shape ${fmtShape(x.shape)}); convert it with cast(${arg}, 'int32')`,
      );
    return x;
  }
  if (!allIntegers(x)) throw opError(op, `${arg} must hold integers, received ${JSON.stringify(x)}`);
  const t = tensor(x as TensorLike, undefined, 'int32');
  temps.push(t);
  return t;
}

/** Converts the list argument of concat/stack; JS numbers take the dtype of the first tensor in the list. */
export function toTensorList(xs: readonly OpInput[], op: string, temps: Tensor[]): OpTensor[] {
  if (!Array.isArray(xs) || xs.length === 0) {
    throw opError(
      op,
      `tensors must be a non-empty array of tensors, received ${Array.isArray(xs) ? 'an empty array' : typeof xs}`,
    );
  }
  const like = xs.find((x): x is OpTensor => x instanceof Tensor || isSymbolic(x))?.dtype;
  return xs.map((x, i) => {
    // JS arrays join tensors of their kind: integers an int32 list, booleans a bool list.
    if (Array.isArray(x) && ((like === 'int32' && allIntegers(x)) || (like === 'bool' && allBooleans(x)))) {
      const t = tensor(x as TensorLike, undefined, like);
      temps.push(t);
      return t;
    }
    return toTensor(x, op, `tensors[${i}]`, temps, like);
  });
}

function allBooleans(v: unknown): boolean {
  return Array.isArray(v) ? v.every(allBooleans) : typeof v === 'boolean';
}

/** Checks that every input has the same dtype, naming the first that differs. */
export function sameDtype(op: string, inputs: readonly { dtype: DType }[]): DType {
  const dtype = inputs[0].dtype;
  const i = inputs.findIndex((t) => t.dtype !== dtype);
  if (i >= 0)
    throw opError(
      op,
      `all inputs must have the same dtype: input 0 is ${dtype}, input ${i} is ${inputs[i].dtype}; cast them first`,
    );
  return dtype;
}

/** Two dimensions agree if equal or if either is unknown (symbolic). */
export function dimsAgree(a: Dim, b: Dim): boolean {
  return a === null || b === null || a === b;
}

/** The better known of two agreeing dimensions. */
export function knownDim(a: Dim, b: Dim): Dim {
  return a ?? b;
}

/** The size of `shape` if every dimension is known, else null. */
export function knownSize(shape: Shape): number | null {
  return shape.some((d) => d === null) ? null : (shape as number[]).reduce((a, b) => a * b, 1);
}

/**
 * Runs an op function body with a list for the temporaries its JS-value inputs become, freeing them
 * if an argument check throws before runOp takes them over (runOp frees them itself).
 */
export function withTemps<T>(body: (temps: Tensor[]) => T): T {
  const temps: Tensor[] = [];
  try {
    return body(temps);
  } catch (e) {
    for (const t of temps) t.dispose();
    throw e;
  }
}
