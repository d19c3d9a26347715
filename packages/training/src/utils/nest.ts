import { Tensor } from '@strata/tensor';

/** A value made of leaves inside arrays and plain objects: what datasets yield and models take. */
export type Nest<T> = T | readonly Nest<T>[] | { readonly [key: string]: Nest<T> };

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !(x instanceof Tensor) && Object.getPrototypeOf(x) === Object.prototype;
}

/** Is `x` an array of numbers or booleans (at any depth)? Such arrays are values (leaves), not structure. */
export function isValueArray(x: unknown): boolean {
  if (!Array.isArray(x)) return false;
  return x.every((e) => typeof e === 'number' || typeof e === 'boolean' || isValueArray(e)) && x.length > 0;
}

/** Is `x` structure to descend into (a plain object, or an array that is not an array of numbers)? */
function isStructure(x: unknown, arraysAreLeaves: boolean): boolean {
  if (Array.isArray(x)) return !arraysAreLeaves && !isValueArray(x);
  return isPlainObject(x);
}

/** The leaves of a nest, depth first, in key order of each object. */
export function flattenNest<T>(x: Nest<T>, arraysAreLeaves = false): T[] {
  const out: T[] = [];
  const walk = (v: unknown): void => {
    if (!isStructure(v, arraysAreLeaves)) out.push(v as T);
    else if (Array.isArray(v)) v.forEach(walk);
    else for (const k of Object.keys(v as object)) walk((v as Record<string, unknown>)[k]);
  };
  walk(x);
  return out;
}

/** A nest of the same structure with `fn` applied to each leaf. */
export function mapNest<T, U>(
  x: Nest<T>,
  fn: (leaf: T, path: string) => U,
  arraysAreLeaves = false,
  path = '',
): Nest<U> {
  if (!isStructure(x, arraysAreLeaves)) return fn(x as T, path);
  if (Array.isArray(x)) return x.map((v, i) => mapNest(v as Nest<T>, fn, arraysAreLeaves, `${path}[${i}]`));
  {
    const out: Record<string, Nest<U>> = {};
    const record = x as Record<string, unknown>;
    for (const k of Object.keys(record))
      out[k] = mapNest(record[k] as Nest<T>, fn, arraysAreLeaves, path ? `${path}.${k}` : k);
    return out;
  }
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
