import { LearningRateSchedule, checkNumber } from './learning-rate-schedule';

export interface PolynomialDecayArgs {
  initialLearningRate: number;
  decaySteps: number;
  endLearningRate?: number;
  power?: number;
  /** Restart the decay (over a multiple of decaySteps) once it reaches the end. */
  cycle?: boolean;
}

/** `(initial - end) * (1 - step / decaySteps) ^ power + end`, held at `end` after decaySteps unless cycling. */
export class PolynomialDecay extends LearningRateSchedule {
  static override className = 'PolynomialDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly endLearningRate: number;
  readonly power: number;
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
