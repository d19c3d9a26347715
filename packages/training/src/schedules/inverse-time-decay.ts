import { LearningRateSchedule, checkNumber } from './learning-rate-schedule';

export interface InverseTimeDecayArgs {
  initialLearningRate: number;
  decaySteps: number;
  decayRate: number;
  staircase?: boolean;
}

/** `initialLearningRate / (1 + decayRate * step / decaySteps)`. */
export class InverseTimeDecay extends LearningRateSchedule {
  static override className = 'InverseTimeDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
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
