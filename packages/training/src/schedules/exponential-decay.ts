import { LearningRateSchedule, checkNumber } from './learning-rate-schedule';

/** The options of {@link ExponentialDecay}: `lr = initialLearningRate · decayRate^(step / decaySteps)`. */
export interface ExponentialDecayArgs {
  /** The learning rate at step 0. */
  initialLearningRate: number;
  /** The number of steps over which the rate is multiplied by decayRate once. */
  decaySteps: number;
  /** The factor per decaySteps steps. */
  decayRate: number;
  /** Decay in discrete steps (floor(step / decaySteps)) rather than continuously. */
  staircase?: boolean;
}

/**
 * `initialLearningRate * decayRate ^ (step / decaySteps)`.
 *
 * @example
 * ```ts
 * const schedule = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 1000, decayRate: 0.5 });
 * schedule.call(2000); // 0.025
 * const optimizer = new SGD({ learningRate: schedule });
 * ```
 */
export class ExponentialDecay extends LearningRateSchedule {
  static override className = 'ExponentialDecay';
  /** The learning rate at step 0. */
  readonly initialLearningRate: number;
  /** The number of steps over which the rate is multiplied by decayRate once. */
  readonly decaySteps: number;
  /** The factor per decaySteps steps. */
  readonly decayRate: number;
  /** Whether the decay happens in discrete steps. */
  readonly staircase: boolean;

  constructor(args: ExponentialDecayArgs) {
    super();
    this.initialLearningRate = checkNumber('ExponentialDecay', 'initialLearningRate', args?.initialLearningRate);
    this.decaySteps = checkNumber('ExponentialDecay', 'decaySteps', args.decaySteps, { positive: true });
    this.decayRate = checkNumber('ExponentialDecay', 'decayRate', args.decayRate);
    this.staircase = args.staircase ?? false;
  }

  call(step: number): number {
    const p = step / this.decaySteps;
    return this.initialLearningRate * this.decayRate ** (this.staircase ? Math.floor(p) : p);
  }

  getConfig(): Record<string, unknown> {
    return {
      initialLearningRate: this.initialLearningRate,
      decaySteps: this.decaySteps,
      decayRate: this.decayRate,
      staircase: this.staircase,
    };
  }
}
