import type { DType } from '../dtype';

/** How conformance inputs are filled: deterministic, so every backend and the oracle see the same data. */
export type Fill =
  | 'normal' // roughly N(0, 1)
  | 'positive' // in [0.1, 2.1)
  | 'unit' // in (-0.9, 0.9), for asin, atanh, ...
  | 'int' // integers in [-5, 5]
  | 'index' // integers in [0, 3)
  | 'bool'
  | readonly (number | boolean)[]; // explicit values, flattened

export interface InputSpec {
  shape: readonly number[];
  dtype?: DType;
  fill?: Fill;
}

/** A small deterministic generator (the inputs must not depend on the machine). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function inputValues(spec: InputSpec, seed: number): number[] {
  const size = spec.shape.reduce((a, b) => a * b, 1);
  const fill = spec.fill ?? (spec.dtype === 'int32' ? 'int' : spec.dtype === 'bool' ? 'bool' : 'normal');
  if (Array.isArray(fill)) {
    if (fill.length !== size)
      throw new Error(`conformance case: ${fill.length} values given for shape [${spec.shape}]`);
    return fill.map(Number);
  }
  const next = lcg(seed * 7919 + 17);
  return Array.from({ length: size }, () => {
    const u = next();
    switch (fill) {
      case 'normal':
        return (u - 0.5) * 3.4 + (next() - 0.5) * 0.6;
      case 'positive':
        return 0.1 + 2 * u;
      case 'unit':
        return (u - 0.5) * 1.8;
      case 'int':
        return Math.floor(u * 11) - 5;
      case 'index':
        return Math.floor(u * 3);
      case 'bool':
        return u < 0.5 ? 0 : 1;
      default:
        throw new Error(`unknown fill ${String(fill)}`);
    }
  });
}
