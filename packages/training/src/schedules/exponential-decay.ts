import { LearningRateSchedule, checkNumber } from './learning-rate-schedule';

export interface ExponentialDecayArgs {
  initialLearningRate: number;
  decaySteps: number;
  decayRate: number;
  /** Decay in discrete steps (floor(step / decaySteps)) rather than continuously. */
  staircase?: boolean;
}

/** `initialLearningRate * decayRate ^ (step / decaySteps)`. */
export class ExponentialDecay extends LearningRateSchedule {
  static override className = 'ExponentialDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
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
