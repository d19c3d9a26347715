import { clone, mul, type Seed, type Tensor } from '@strata/tensor';
import { Layer, type CallOptions, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { checkNumber, checkSeed } from '../core/option-checks';
import { SeedStream } from './seed-stream';
import { normalNoiseLike } from './random-noise';

export interface GaussianDropoutArgs extends LayerArgs {
  /** The drop probability it imitates, in [0, 1): the noise has stddev sqrt(rate / (1 - rate)). */
  rate: number;
  /** Makes the noise reproducible. Default: null (unseeded). */
  seed?: Seed | null;
}

/**
 * Multiplies inputs by normal noise of mean 1 during training (dropout's variance, no zeros); identity otherwise.
 *
 * Input: any shape. Output: the same shape.
 *
 * @example
 * ```ts
 * const y = new GaussianDropout({ rate: 0.2, seed: 1 }).apply(ones([2, 3]), { training: true });
 * ```
 */
export class GaussianDropout extends Layer {
  static override className = 'GaussianDropout';
  /** The drop probability the noise imitates. */
  readonly rate: number;
  /** The noise seed, or null. */
  readonly seed: Seed | null;
  readonly #seeds: SeedStream;

  constructor(args: GaussianDropoutArgs) {
    super(args);
    this.rate = checkNumber('GaussianDropout', 'rate', args?.rate, undefined, { min: 0, max: 1, exclusive: 'max' });
    this.seed = checkSeed('GaussianDropout', args.seed);
    this.#seeds = new SeedStream(this.seed);
    this.supportsMasking = true;
  }

  override call(x: Tensor, { training }: CallOptions = {}): Tensor {
    if (!training || this.rate === 0) return clone(x);
    const stddev = Math.sqrt(this.rate / (1 - this.rate));
    return mul(x, normalNoiseLike(this.name, x, 1, stddev, this.#seeds.next()));
  }

  override computeOutputShape(inputShape: ShapeOrShapes): ShapeOrShapes {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}
