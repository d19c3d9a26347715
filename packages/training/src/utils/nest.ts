import { Tensor } from '@strata/tensor';

/** A value made of leaves inside arrays and plain objects: what datasets yield and models take. */
export type Nest<T> = T | readonly Nest<T>[] | { readonly [key: string]: Nest<T> };

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !(x instanceof Tensor) && Object.getPrototypeOf(x) === Object.prototype;
}

/** Is `x` a leaf of a nest of tensors (a tensor, a number, a typed array, or anything not an array or plain object)? */
export function isLeaf(x: unknown, arraysAreLeaves = false): boolean {
  if (Array.isArray(x)) return arraysAreLeaves;
  return !isPlainObject(x);
}

/** The leaves of a nest, depth first, in key order of each object. */
export function flattenNest<T>(x: Nest<T>, arraysAreLeaves = false): T[] {
  const out: T[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v) && !arraysAreLeaves) v.forEach(walk);
    else if (isPlainObject(v)) for (const k of Object.keys(v)) walk(v[k]);
    else out.push(v as T);
  };
  walk(x);
  return out;
}

/** A nest of the same structure with `fn` applied to each leaf. */
export function mapNest<T, U>(x: Nest<T>, fn: (leaf: T, path: string) => U, arraysAreLeaves = false, path = ''): Nest<U> {
  if (Array.isArray(x) && !arraysAreLeaves) return x.map((v, i) => mapNest(v as Nest<T>, fn, arraysAreLeaves, `${path}[${i}]`));
  if (isPlainObject(x)) {
    const out: Record<string, Nest<U>> = {};
    for (const k of Object.keys(x)) out[k] = mapNest(x[k] as Nest<T>, fn, arraysAreLeaves, path ? `${path}.${k}` : k);
    return out;
  }
  return fn(x as T, path);
}

/** Rebuilds a nest of the structure of `like` from a flat list of leaves (the inverse of flattenNest). */
export function packNest<T, U>(like: Nest<T>, leaves: readonly U[], arraysAreLeaves = false): Nest<U> {
  let i = 0;
  return mapNest(like, () => leaves[i++], arraysAreLeaves);
}

/** Tensors found in a nest. */
export function nestTensors(x: unknown): Tensor[] {
  return flattenNest(x as Nest<unknown>).filter((t): t is Tensor => t instanceof Tensor);
}
