// Nested values (`keras.tree`, `tf.nest`): leaves held in arrays and plain records, as models take
// their inputs, datasets yield elements and layers receive arguments. Every package walks such
// values through this module rather than with a walker of its own.
import { StrataError } from './errors';

/** A value made of leaves inside arrays and plain records (any depth). */
export type Nest<T> = T | readonly Nest<T>[] | { readonly [key: string]: Nest<T> };

/** Options of the nest walkers: which values count as leaves. */
export interface NestOptions {
  /**
   * Arrays or records to keep whole as leaves (checked before descending): a dataset's arrays of
   * numbers are data, not structure.
   */
  isLeaf?: (x: unknown) => boolean;
}

/**
 * Whether `x` is a plain record (`{ a: 1 }`, JSON's objects, `Object.create(null)`): structure to
 * descend into. Arrays, tensors, class instances, Maps and typed arrays are not records. A record
 * made in another realm (a vm context, an iframe, Jest's sandbox) has that realm's Object.prototype,
 * so the test is that its prototype has none, not that it is this realm's.
 * @example
 * ```ts
 * nest.isRecord({ a: 1 }); // true
 * nest.isRecord([1, 2]); // false
 * nest.isRecord(new Map()); // false
 * ```
 */
export function isRecord(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Whether `x` is structure (an array or a plain record) rather than a leaf.
 * @example
 * ```ts
 * nest.isNested([1, 2]); // true
 * nest.isNested(3); // false
 * nest.isNested([1, 2], { isLeaf: (x) => Array.isArray(x) }); // false
 * ```
 */
export function isNested(x: unknown, options: NestOptions = {}): x is readonly unknown[] | Record<string, unknown> {
  return (Array.isArray(x) || isRecord(x)) && !options.isLeaf?.(x);
}

/**
 * The leaves of `x`, depth first: arrays in order, records in key order (the order the keys were
 * written, as JavaScript keeps them; keras.tree sorts them instead). A leaf on its own is `[x]`.
 * @example
 * ```ts
 * nest.flatten({ b: [1, 2], a: 3 }); // [1, 2, 3]
 * nest.flatten(7); // [7]
 * ```
 */
export function flatten<T>(x: Nest<T>, options: NestOptions = {}): T[] {
  const out: T[] = [];
  const walk = (v: unknown): void => {
    if (!isNested(v, options)) out.push(v as T);
    else if (Array.isArray(v)) for (const e of v) walk(e);
    else for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k]);
  };
  walk(x);
  return out;
}

const childPath = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/**
 * A nest of the structure of `x` with `fn` applied to each leaf (keras.tree.map_structure; the
 * nest comes first here, so that TypeScript reads the leaf type from it). `path`
 * names the leaf: '' for `x` itself, then `[i]` for array entries and `.key` for record entries
 * (`inputs.image`, `[1].mask`).
 * @example
 * ```ts
 * nest.map({ a: [1, 2], b: 3 }, (x) => x * 10); // { a: [10, 20], b: 30 }
 * nest.map({ a: [1, 2], b: 3 }, (_, path) => path); // { a: ['a[0]', 'a[1]'], b: 'b' }
 * ```
 */
export function map<T, U>(x: Nest<T>, fn: (leaf: T, path: string) => U, options: NestOptions = {}): Nest<U> {
  const walk = (v: unknown, path: string): unknown => {
    if (!isNested(v, options)) return fn(v as T, path);
    if (Array.isArray(v)) return v.map((e, i) => walk(e, childPath(path, i)));
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = walk((v as Record<string, unknown>)[k], childPath(path, k));
    return out;
  };
  return walk(x, '') as Nest<U>;
}

/**
 * Maps `fn` over the leaves of several nests of one structure at once (keras.tree.map_structure
 * with many structures, Python's zip): `fn` gets the leaves at one position, one per nest.
 * Throws, naming the first difference, unless every nest has the structure of the first.
 * @example
 * ```ts
 * nest.mapMany([{ a: 1, b: [2] }, { a: 10, b: [20] }], ([x, y]) => (x as number) + (y as number));
 * // { a: 11, b: [22] }
 * ```
 */
export function mapMany<U>(
  structures: readonly unknown[],
  fn: (leaves: unknown[], path: string) => U,
  options: NestOptions = {},
): Nest<U> {
  if (structures.length === 0)
    throw new StrataError('nest.mapMany: expected at least one structure, received none; pass [a, b, ...]');
  structures.forEach((s, i) => {
    if (i > 0) assertSameStructure(structures[0], s, options, ['structures[0]', `structures[${i}]`]);
  });
  // In step, by the first's keys: records with the same keys in another order still line up.
  const walk = (vs: unknown[], path: string): unknown => {
    const first = vs[0];
    if (!isNested(first, options)) return fn(vs, path);
    if (Array.isArray(first))
      return first.map((_, i) =>
        walk(
          vs.map((v) => (v as unknown[])[i]),
          childPath(path, i),
        ),
      );
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(first))
      out[k] = walk(
        vs.map((v) => (v as Record<string, unknown>)[k]),
        childPath(path, k),
      );
    return out;
  };
  return walk([...structures], '') as Nest<U>;
}

/**
 * Rebuilds the structure of `like` from a flat list of leaves: the inverse of `flatten`.
 * @example
 * ```ts
 * nest.packSequenceAs({ a: [0, 0], b: 0 }, ['x', 'y', 'z']); // { a: ['x', 'y'], b: 'z' }
 * ```
 */
export function packSequenceAs<U>(like: unknown, leaves: readonly U[], options: NestOptions = {}): Nest<U> {
  const n = flatten(like, options).length;
  if (n !== leaves.length)
    throw new StrataError(
      `nest.packSequenceAs: the structure has ${n} leaves but ${leaves.length} were given; pass exactly one per leaf ` +
        '(flatten(structure) lists them)',
    );
  let i = 0;
  return map(like, () => leaves[i++], options);
}

function describe(x: unknown, options: NestOptions): string {
  if (!isNested(x, options)) return x === null ? 'a leaf (null)' : `a leaf (${typeof x})`;
  if (Array.isArray(x)) return `an array of ${x.length}`;
  const keys = Object.keys(x);
  return keys.length ? `a record with keys ${keys.map((k) => `'${k}'`).join(', ')}` : 'an empty record';
}

/**
 * Throws unless `a` and `b` have one structure: the same arrays (by length) and records (by keys,
 * in any order) at the same places. Leaves may differ. The error names the first place they part.
 * @example
 * ```ts
 * nest.assertSameStructure({ a: [1, 2] }, { a: [3, 4] }); // passes: only the leaves differ
 * nest.assertSameStructure({ a: [1, 2] }, { a: [3] }); // throws, naming `a`
 * ```
 */
export function assertSameStructure(a: unknown, b: unknown, options: NestOptions = {}, names = ['a', 'b']): void {
  const walk = (x: unknown, y: unknown, path: string): void => {
    const nx = isNested(x, options);
    const ny = isNested(y, options);
    const same =
      nx === ny &&
      (!nx ||
        (Array.isArray(x) && Array.isArray(y) && x.length === y.length) ||
        (isRecord(x) && isRecord(y) && sameKeys(x, y)));
    if (!same) {
      const at = path ? ` at ${path}` : '';
      throw new StrataError(
        `nest: ${names[0]} and ${names[1]} differ in structure${at}: ${describe(x, options)} vs ${describe(y, options)}; ` +
          'give both the same arrays and records',
      );
    }
    if (!nx) return;
    if (Array.isArray(x)) x.forEach((e, i) => walk(e, (y as unknown[])[i], childPath(path, i)));
    else for (const k of Object.keys(x as object)) walk((x as never)[k], (y as never)[k], childPath(path, k));
  };
  walk(a, b, '');
}

function sameKeys(x: Record<string, unknown>, y: Record<string, unknown>): boolean {
  const kx = Object.keys(x);
  return kx.length === Object.keys(y).length && kx.every((k) => Object.hasOwn(y, k));
}
