import { TrainingError } from '../errors';
import { LearningRateSchedule } from './learning-rate-schedule';

/** The options of {@link PiecewiseConstantDecay}. */
export interface PiecewiseConstantDecayArgs {
  /** Increasing step boundaries. */
  boundaries: readonly number[];
  /** One more value than boundaries: values[i] applies while boundaries[i-1] < step <= boundaries[i]. */
  values: readonly number[];
}

/**
 * A constant learning rate between step boundaries.
 *
 * @example
 * ```ts
 * // 1.0 for the first 100000 steps, 0.5 for the next 10000, then 0.1.
 * const schedule = new PiecewiseConstantDecay({ boundaries: [100000, 110000], values: [1, 0.5, 0.1] });
 * ```
 */
export class PiecewiseConstantDecay extends LearningRateSchedule {
  static override className = 'PiecewiseConstantDecay';
  /** The increasing step boundaries. */
  readonly boundaries: readonly number[];
  /** The learning rate of each interval (one more than the boundaries). */
  readonly values: readonly number[];

  constructor(args: PiecewiseConstantDecayArgs) {
    super();
    const { boundaries, values } = args ?? {};
    if (!Array.isArray(boundaries) || !Array.isArray(values) || values.length !== boundaries.length + 1) {
      throw new TrainingError(
        `PiecewiseConstantDecay: values must have exactly one more entry than boundaries, received ${JSON.stringify(boundaries)} boundaries and ${JSON.stringify(values)} values`,
      );
    }
    if (boundaries.some((b, i) => i > 0 && b <= boundaries[i - 1]))
      throw new TrainingError(
        `PiecewiseConstantDecay: boundaries must increase, received ${JSON.stringify(boundaries)}`,
      );
    this.boundaries = [...boundaries];
    this.values = [...values];
  }

  call(step: number): number {
    const i = this.boundaries.findIndex((b) => step <= b);
    return this.values[i === -1 ? this.values.length - 1 : i];
  }

  getConfig(): Record<string, unknown> {
    return { boundaries: [...this.boundaries], values: [...this.values] };
  }
}
