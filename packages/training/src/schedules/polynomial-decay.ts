import { LearningRateSchedule, checkNumber } from './learning-rate-schedule';

/** The options of {@link PolynomialDecay}. */
export interface PolynomialDecayArgs {
  /** The learning rate at step 0. */
  initialLearningRate: number;
  /** The number of steps to reach endLearningRate. */
  decaySteps: number;
  /** The learning rate after decaySteps. Default: 0.0001. */
  endLearningRate?: number;
  /** The power of the polynomial (1: linear). Default: 1. */
  power?: number;
  /** Restart the decay (over a multiple of decaySteps) once it reaches the end. */
  cycle?: boolean;
}

/**
 * `(initial - end) * (1 - step / decaySteps) ^ power + end`, held at `end` after decaySteps unless cycling.
 *
 * @example
 * ```ts
 * const schedule = new PolynomialDecay({ initialLearningRate: 0.1, decaySteps: 10000, endLearningRate: 0.01 });
 * schedule.call(5000); // 0.055
 * ```
 */
export class PolynomialDecay extends LearningRateSchedule {
  static override className = 'PolynomialDecay';
  /** The learning rate at step 0. */
  readonly initialLearningRate: number;
  /** The number of steps to reach endLearningRate. */
  readonly decaySteps: number;
  /** The learning rate after decaySteps. */
  readonly endLearningRate: number;
  /** The power of the polynomial. */
  readonly power: number;
  /** Whether the decay restarts once it reaches the end. */
  readonly cycle: boolean;

  constructor(args: PolynomialDecayArgs) {
    super();
    this.initialLearningRate = checkNumber('PolynomialDecay', 'initialLearningRate', args?.initialLearningRate);
    this.decaySteps = checkNumber('PolynomialDecay', 'decaySteps', args.decaySteps, { positive: true });
    this.endLearningRate = checkNumber('PolynomialDecay', 'endLearningRate', args.endLearningRate ?? 0.0001);
    this.power = checkNumber('PolynomialDecay', 'power', args.power ?? 1);
    this.cycle = args.cycle ?? false;
  }

  call(step: number): number {
    let decaySteps = this.decaySteps;
    let s = step;
    if (this.cycle) decaySteps *= s === 0 ? 1 : Math.ceil(s / this.decaySteps);
    else s = Math.min(s, decaySteps);
    const p = s / decaySteps;
    return (this.initialLearningRate - this.endLearningRate) * (1 - p) ** this.power + this.endLearningRate;
  }

  getConfig(): Record<string, unknown> {
    return {
      initialLearningRate: this.initialLearningRate,
      decaySteps: this.decaySteps,
      endLearningRate: this.endLearningRate,
      power: this.power,
      cycle: this.cycle,
    };
  }
}
