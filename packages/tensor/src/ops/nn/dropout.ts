import seedrandom from 'seedrandom';
import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import { opError, fmtShape } from '../../errors';
import type { Dim, Shape } from '../../shape';
import type { Tensor } from '../../tensor';
import { freshSeed, type Seed } from '../../random';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** Options of {@link dropout}. */
export interface DropoutOptions {
  /** Fixes the mask; without one a seed is drawn at call time (and recorded in the op's attrs). */
  seed?: Seed;
  /** The mask's shape, broadcast over x: 1 shares one draw along an axis, null takes x's size. */
  noiseShape?: readonly (number | null)[];
}

/** The attributes of {@link dropout}: what makes a recorded mask repeatable. */
export interface DropoutAttrs {
  /** The fraction of elements set to zero, in [0, 1). */
  rate: number;
  /** The seed of the mask. */
  seed: Seed;
  /** The mask's shape, or null for x's. */
  noiseShape: Dim[] | null;
}

function checkNoiseShape(x: Shape, noiseShape: Shape | null): void {
  if (noiseShape === null) return;
  const fits =
    noiseShape.length === x.length && noiseShape.every((d, i) => d === null || d === 1 || x[i] === null || d === x[i]);
  if (!fits) {
    throw opError(
      'dropout',
      `noiseShape=${fmtShape(noiseShape)} must have x's rank, each entry 1, null or x's size on that axis; received it for x.shape=${fmtShape(x)}`,
    );
  }
}

/**
 * The inverted-dropout mask: 0 where dropped, 1 / (1 - rate) where kept. Element i is kept when the
 * i-th draw of seedrandom's alea (as randomUniform draws) is >= rate, so a seed gives the same mask
 * on every backend, and the gradient rule can rebuild the mask from the recorded seed.
 */
function mask(shape: readonly number[], rate: number, seed: Seed): Float32Array {
  const next = seedrandom.alea(String(seed));
  const size = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  const kept = 1 / (1 - rate);
  for (let i = 0; i < size; i++) values[i] = next() >= rate ? kept : 0;
  return values;
}

/** The op of {@link dropout}: its shape rule and kernel, the key of its gradient rule. */
export const dropoutOp = defineOp<DropoutAttrs>({
  name: 'dropout',
  infer: ([x], { noiseShape }) => {
    checkNoiseShape(x.shape, noiseShape);
    return { shape: x.shape, dtype: 'float32' };
  },
  kernel: (ctx, [x], { rate, seed, noiseShape }) =>
    composed(ctx, (s) => {
      const xf = s.cast(x, 'float32');
      if (rate === 0) return xf;
      const shape = noiseShape ? noiseShape.map((d, i) => d ?? x.shape[i]) : x.shape;
      return s.run('Multiply', { a: xf, b: s.write(mask(shape, rate, seed), shape, 'float32') });
    }),
});

/**
 * Inverted dropout: zeroes each element of `x` with probability `rate` (in [0, 1)) and scales the
 * kept ones by 1 / (1 - rate), so the expected sum is unchanged. Rate 0 returns a copy.
 * @example
 * ```ts
 * dropout(ones([4]), 0.5, { seed: 1 }); // each entry 0 or 2 (kept ones scaled by 1 / (1 - rate))
 * ```
 */
export function dropout(x: OpInput, rate: number, options: DropoutOptions = {}): Tensor {
  if (typeof rate !== 'number' || !(rate >= 0 && rate < 1))
    throw opError('dropout', `rate must be a number in [0, 1), received ${JSON.stringify(rate)}`);
  if (typeof options !== 'object' || options === null)
    throw opError('dropout', `options must be an object, received ${JSON.stringify(options)}`);
  const { seed = freshSeed(), noiseShape } = options;
  if (typeof seed !== 'number' && typeof seed !== 'string')
    throw opError('dropout', `seed must be a number or a string, received ${JSON.stringify(seed)}`);
  const valid =
    noiseShape === undefined ||
    (Array.isArray(noiseShape) && noiseShape.every((d) => d === null || (Number.isInteger(d) && d > 0)));
  if (!valid)
    throw opError(
      'dropout',
      `noiseShape must be a list of positive integers or nulls, received ${JSON.stringify(noiseShape)}`,
    );
  const { inputs, temps } = opInputs('dropout', [['x', x]]);
  return runOp(dropoutOp, inputs, { rate, seed, noiseShape: noiseShape ? [...noiseShape] : null }, temps);
}
