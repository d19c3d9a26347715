import { Tensor, nest } from '@strata/tensor';

/** A value made of leaves inside arrays and plain objects: what datasets yield and models take. */
export type Nest<T> = nest.Nest<T>;

/** Is `x` an array of numbers or booleans (at any depth)? Such arrays are values (leaves), not structure. */
export function isValueArray(x: unknown): boolean {
  if (!Array.isArray(x)) return false;
  return x.every((e) => typeof e === 'number' || typeof e === 'boolean' || isValueArray(e)) && x.length > 0;
}

/** How data is nested: arrays of numbers are a leaf's values (`[[1, 2], [3, 4]]` is one tensor's data). */
export const DATA: nest.NestOptions = { isLeaf: isValueArray };

/** Tensors found in a nest of data. */
export function nestTensors(x: unknown): Tensor[] {
  return nest.flatten(x, DATA).filter((t): t is Tensor => t instanceof Tensor);
}
