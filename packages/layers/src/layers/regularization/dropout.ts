import { clone, dropout, type Seed, type Tensor } from '@strata/tensor';
import { Layer, type CallOptions, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { checkNumber, checkSeed } from '../core/option-checks';
import { SeedStream } from './seed-stream';
import { classNameOf } from '../../serializable';

export interface DropoutArgs extends LayerArgs {
  /** The fraction of inputs dropped during training, in [0, 1). */
  rate: number;
  /** The mask's shape, broadcast over the input: 1 shares one draw along an axis, null takes the input's size. */
  noiseShape?: readonly (number | null)[] | null;
  /** Makes the sequence of masks reproducible. */
  seed?: Seed | null;
}

/**
 * During training, zeroes each input with probability `rate` and scales the rest by 1 / (1 - rate)
 * (inverted dropout: the expected sum is unchanged); outside training it passes inputs through.
 *
 * Input: any shape. Output: the same shape.
 *
 * @example
 * ```ts
 * const model = new Sequential([
 *   input({ shape: [784] }),
 *   new Dense({ units: 128, activation: 'relu' }),
 *   new Dropout({ rate: 0.5 }), // active in fit(), a pass-through in predict()
 *   new Dense({ units: 10, activation: 'softmax' }),
 * ]);
 * ```
 */
export class Dropout extends Layer {
  static override className = 'Dropout';
  /** The fraction of inputs dropped during training. */
  readonly rate: number;
  /** The mask's shape (1 shares a draw along an axis), or null for the input's shape. */
  readonly noiseShape: (number | null)[] | null;
  /** The seed of the mask sequence, or null. */
  readonly seed: Seed | null;
  /** @internal */
  protected readonly seeds: SeedStream;

  constructor(args: DropoutArgs) {
    super(args);
    const cls = classNameOf(this);
    this.rate = checkNumber(cls, 'rate', args?.rate, undefined, { min: 0, max: 1, exclusive: 'max' });
    const ns = args.noiseShape;
    if (
      ns !== undefined &&
      ns !== null &&
      !(Array.isArray(ns) && ns.every((d) => d === null || (Number.isInteger(d) && d > 0)))
    ) {
      throw new LayerError(
        `${cls}: noiseShape must be a list of positive integers and nulls (null takes the input's size), received ${JSON.stringify(ns)}`,
      );
    }
    this.noiseShape = ns ? [...ns] : null;
    this.seed = checkSeed(cls, args.seed);
    this.seeds = new SeedStream(this.seed);
    this.supportsMasking = true;
  }

  /** The mask's shape for this input (spatial dropouts share a draw across positions). */
  protected maskShape(_x: Tensor): readonly (number | null)[] | undefined {
    return this.noiseShape ?? undefined;
  }

  override call(x: Tensor, { training }: CallOptions = {}): Tensor {
    if (!training || this.rate === 0) return clone(x);
    return dropout(x, this.rate, { seed: this.seeds.next(), noiseShape: this.maskShape(x) });
  }

  override computeOutputShape(inputShape: ShapeOrShapes): ShapeOrShapes {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      rate: this.rate,
      noiseShape: this.noiseShape ? [...this.noiseShape] : null,
      seed: this.seed,
    };
  }
}
