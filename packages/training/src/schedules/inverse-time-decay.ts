import { LearningRateSchedule, checkNumber } from './learning-rate-schedule';

/** The options of {@link InverseTimeDecay}: `lr = initialLearningRate / (1 + decayRate · step / decaySteps)`. */
export interface InverseTimeDecayArgs {
  /** The learning rate at step 0. */
  initialLearningRate: number;
  /** The step scale of the decay. */
  decaySteps: number;
  /** How fast the rate falls. */
  decayRate: number;
  /** Decay in discrete steps (floor(step / decaySteps)) rather than continuously. Default: false. */
  staircase?: boolean;
}

/**
 * `initialLearningRate / (1 + decayRate * step / decaySteps)`.
 *
 * @example
 * ```ts
 * const schedule = new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 1000, decayRate: 1 });
 * schedule.call(1000); // 0.05
 * ```
 */
export class InverseTimeDecay extends LearningRateSchedule {
  static override className = 'InverseTimeDecay';
  /** The learning rate at step 0. */
  readonly initialLearningRate: number;
  /** The step scale of the decay. */
  readonly decaySteps: number;
  /** How fast the rate falls. */
  readonly decayRate: number;
  /** Whether the decay happens in discrete steps. */
  readonly staircase: boolean;

  constructor(args: InverseTimeDecayArgs) {
    super();
    this.initialLearningRate = checkNumber('InverseTimeDecay', 'initialLearningRate', args?.initialLearningRate);
    this.decaySteps = checkNumber('InverseTimeDecay', 'decaySteps', args.decaySteps, { positive: true });
    this.decayRate = checkNumber('InverseTimeDecay', 'decayRate', args.decayRate);
    this.staircase = args.staircase ?? false;
  }

  call(step: number): number {
    const p = step / this.decaySteps;
    return this.initialLearningRate / (1 + this.decayRate * (this.staircase ? Math.floor(p) : p));
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
