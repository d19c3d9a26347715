import seedrandom from 'seedrandom';
import { engine } from './engine';
import { opError } from './errors';
import type { DType } from './dtype';
import { typedArrayFor } from './dtype';
import type { Tensor } from './tensor';

/**
 * Random values are drawn on the host with a seeded generator (seedrandom's alea, as TensorFlow.js
 * uses), then written to the backend: the same seed gives the same tensor on every backend.
 */
export type Seed = number | string;

// Where no seed is given, one is drawn from this process-wide source: Math.random until
// setRandomSeed replaces it with a seeded generator, as Keras's keras.utils.set_random_seed does.
let unseededSource: () => number = Math.random;

/**
 * Seeds every random source that is given no seed of its own (initializers, dropout, shuffles,
 * random ops), like Keras's `keras.utils.set_random_seed`: the same program then draws the same
 * values on every run. `null` goes back to unseeded (Math.random).
 *
 * ```ts
 * setRandomSeed(42);
 * const a = randomNormal([2]); // the same two numbers on every run
 * ```
 * @example
 * ```ts
 * setRandomSeed(42);
 * randomNormal([2]); // the same two numbers on every run
 * ```
 */
export function setRandomSeed(seed: Seed | null): void {
  if (seed !== null && typeof seed !== 'number' && typeof seed !== 'string') {
    throw opError('setRandomSeed', `seed must be a number, a string or null, received ${JSON.stringify(seed)}`);
  }
  unseededSource = seed === null ? Math.random : seedrandom.alea(`strata-global/${seed}`);
}

/**
 * A seed for a random source that was given none: from setRandomSeed's generator where it was called.
 * @example
 * ```ts
 * const seed = freshSeed(); // the next seed of the global stream
 * ```
 */
export function freshSeed(): number {
  return Math.floor(unseededSource() * 2 ** 31);
}

function generator(seed: Seed | undefined): () => number {
  return seedrandom.alea(String(seed ?? freshSeed()));
}

function checked(op: string, shape: readonly number[]): number {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw opError(op, `shape must be an array of non-negative integers, received ${JSON.stringify(shape)}`);
  }
  return shape.reduce((a, b) => a * b, 1);
}

/** A standard normal sampler (Marsaglia polar method) over a uniform source. */
function normalSampler(uniform: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u: number, v: number, s: number;
    do {
      u = uniform() * 2 - 1;
      v = uniform() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * m;
    return u * m;
  };
}

/** Options of {@link randomNormal} and {@link truncatedNormal}. */
export interface NormalOptions {
  /** The mean. Default: 0. */
  mean?: number;
  /** The standard deviation. Default: 1. */
  stddev?: number;
  /** Makes the draw repeatable. Default: the next seed of the global stream ({@link setRandomSeed}). */
  seed?: Seed;
  /** The output dtype. Default: 'float32'. */
  dtype?: DType;
}

/**
 * Values from a normal distribution with mean `mean` and standard deviation `stddev`.
 * @example
 * ```ts
 * randomNormal([2, 3], { mean: 0, stddev: 0.05, seed: 42 });
 * ```
 */
export function randomNormal(shape: readonly number[], options: NormalOptions = {}): Tensor {
  const { mean = 0, stddev = 1, seed, dtype = 'float32' } = options;
  const size = checked('randomNormal', shape);
  const next = normalSampler(generator(seed));
  const values = typedArrayFor(dtype, size);
  for (let i = 0; i < size; i++) values[i] = mean + stddev * next();
  return engine.fromValues(values, shape, dtype);
}

/**
 * Normal values re-drawn until within two standard deviations of the mean (as Keras and TF).
 * @example
 * ```ts
 * truncatedNormal([2, 2], { stddev: 0.05, seed: 1 }); // shape [2, 2]
 * ```
 */
export function truncatedNormal(shape: readonly number[], options: NormalOptions = {}): Tensor {
  const { mean = 0, stddev = 1, seed, dtype = 'float32' } = options;
  const size = checked('truncatedNormal', shape);
  const next = normalSampler(generator(seed));
  const values = typedArrayFor(dtype, size);
  for (let i = 0; i < size; i++) {
    let z: number;
    do z = next();
    while (Math.abs(z) > 2);
    values[i] = mean + stddev * z;
  }
  return engine.fromValues(values, shape, dtype);
}

/** Options of {@link randomUniform}. */
export interface UniformOptions {
  /** The lower bound (included). Default: 0. */
  minval?: number;
  /** The upper bound (excluded). Default: 1. */
  maxval?: number;
  /** Makes the draw repeatable. Default: the next seed of the global stream ({@link setRandomSeed}). */
  seed?: Seed;
  /** The output dtype; int32 draws integers. Default: 'float32'. */
  dtype?: DType;
}

/**
 * Uniform values in [minval, maxval); int32 draws integers in that range.
 * @example
 * ```ts
 * randomUniform([2], { minval: -1, maxval: 1, seed: 7 }); // shape [2]
 * ```
 */
export function randomUniform(shape: readonly number[], options: UniformOptions = {}): Tensor {
  const { minval = 0, maxval = 1, seed, dtype = 'float32' } = options;
  if (!(maxval > minval))
    throw opError('randomUniform', `maxval must be greater than minval, received minval=${minval}, maxval=${maxval}`);
  const size = checked('randomUniform', shape);
  const next = generator(seed);
  const values = typedArrayFor(dtype, size);
  for (let i = 0; i < size; i++) {
    const u = minval + (maxval - minval) * next();
    values[i] = dtype === 'int32' ? Math.floor(u) : u;
  }
  return engine.fromValues(values, shape, dtype);
}
