import { add, clone, type Seed, type Tensor } from '@strata/tensor';
import { Layer, type CallOptions, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { checkNumber, checkSeed } from '../core/option-checks';
import { SeedStream } from './seed-stream';
import { normalNoiseLike } from './random-noise';

export interface GaussianNoiseArgs extends LayerArgs {
  /** The standard deviation of the noise, in [0, 1] (as Keras 3). */
  stddev: number;
  /** Makes the noise reproducible. Default: null (unseeded). */
  seed?: Seed | null;
}

/**
 * Adds zero-centred normal noise during training (a regulariser, and data augmentation); identity otherwise.
 *
 * Input: any shape. Output: the same shape.
 *
 * @example
 * ```ts
 * const y = new GaussianNoise({ stddev: 0.1, seed: 1 }).apply(ones([2, 3]), { training: true });
 * ```
 */
export class GaussianNoise extends Layer {
  static override className = 'GaussianNoise';
  /** The standard deviation of the noise. */
  readonly stddev: number;
  /** The noise seed, or null. */
  readonly seed: Seed | null;
  readonly #seeds: SeedStream;

  constructor(args: GaussianNoiseArgs) {
    super(args);
    this.stddev = checkNumber('GaussianNoise', 'stddev', args?.stddev, undefined, { min: 0, max: 1 });
    this.seed = checkSeed('GaussianNoise', args.seed);
    this.#seeds = new SeedStream(this.seed);
    this.supportsMasking = true;
  }

  override call(x: Tensor, { training }: CallOptions = {}): Tensor {
    if (!training || this.stddev === 0) return clone(x);
    return add(x, normalNoiseLike(this.name, x, 0, this.stddev, this.#seeds.next()));
  }

  override computeOutputShape(inputShape: ShapeOrShapes): ShapeOrShapes {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), stddev: this.stddev, seed: this.seed };
  }
}
