import { fmtShape, opError } from './errors';

/** A dimension: a size, or null where it is not known yet (the batch of a symbolic tensor). */
export type Dim = number | null;
/** A shape as shape rules see it: symbolic tensors may have unknown (null) dimensions. */
export type Shape = readonly Dim[];
/** A fully known shape, as every eager tensor has. */
export type ConcreteShape = readonly number[];

/**
 * The number of elements of a shape (1 for a scalar).
 * @example
 * ```ts
 * sizeOf([2, 3]); // 6
 * ```
 */
export function sizeOf(shape: ConcreteShape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function stridesOf(shape: ConcreteShape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * NumPy broadcasting of two shapes; an unknown dimension broadcasts against 1 and matches any size.
 * @example
 * ```ts
 * broadcastShapes('myOp', [2, 1], [3]); // [2, 3]
 * ```
 */
export function broadcastShapes(op: string, a: Shape, b: Shape, names = ['a', 'b']): Dim[] {
  const rank = Math.max(a.length, b.length);
  const out: Dim[] = new Array(rank);
  for (let i = 0; i < rank; i++) {
    const da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
    const db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
    if (da === 1) out[i] = db;
    else if (db === 1) out[i] = da;
    else if (da === null) out[i] = db;
    else if (db === null) out[i] = da;
    else if (da === db) out[i] = da;
    else
      throw opError(
        op,
        `shapes cannot be broadcast together: ${names[0]}.shape=${fmtShape(a)}, ${names[1]}.shape=${fmtShape(b)} ` +
          `(axis ${i - rank} is ${da} vs ${db}; each axis must be equal, or 1 in one of them)`,
      );
  }
  return out;
}

/**
 * Resolves a possibly negative axis against `rank`, with an error that says the valid range.
 * @example
 * ```ts
 * normalizeAxis('myOp', -1, 3); // 2
 * ```
 */
export function normalizeAxis(op: string, axis: number, rank: number, arg = 'axis'): number {
  if (
    !Number.isInteger(axis) ||
    axis < -rank ||
    axis >= Math.max(rank, 1) ||
    (rank === 0 && axis !== 0 && axis !== -1)
  ) {
    throw opError(
      op,
      `${arg} must be an integer in [${-rank}, ${Math.max(rank - 1, 0)}] for a tensor of rank ${rank}, received ${axis}`,
    );
  }
  return axis < 0 ? axis + rank : axis;
}

/**
 * Normalises `axis` (undefined = all axes) to a sorted, de-duplicated list of non-negative axes.
 * @example
 * ```ts
 * normalizeAxes('myOp', [-1, 0], 3); // [0, 2]: non-negative, sorted
 * ```
 */
export function normalizeAxes(op: string, axis: number | readonly number[] | undefined | null, rank: number): number[] {
  if (axis === undefined || axis === null) return [...Array(rank).keys()];
  const list = typeof axis === 'number' ? [axis] : axis;
  const out = list.map((a) => normalizeAxis(op, a, rank));
  if (new Set(out).size !== out.length)
    throw opError(op, `axis contains a repeated axis: received ${JSON.stringify(list)}`);
  return out.sort((x, y) => x - y);
}

export function assertConcrete(op: string, shape: Shape, arg = 'shape'): ConcreteShape {
  for (const d of shape) {
    if (d === null || !Number.isInteger(d) || d < 0) {
      throw opError(op, `${arg} must be a list of non-negative integers, received ${fmtShape(shape)}`);
    }
  }
  return shape as ConcreteShape;
}
