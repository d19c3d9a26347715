import { LearningRateSchedule, checkNumber } from './learning-rate-schedule';

/** The options of {@link CosineDecay}. */
export interface CosineDecayArgs {
  /** The learning rate at step 0. */
  initialLearningRate: number;
  /** The number of steps the cosine decays over. */
  decaySteps: number;
  /** The floor, as a fraction of the learning rate decayed from. */
  alpha?: number;
  /** With warmup: the rate rises linearly from initialLearningRate to warmupTarget over warmupSteps, then decays. */
  warmupTarget?: number | null;
  /** The number of warmup steps. Default: 0. */
  warmupSteps?: number;
}

/**
 * Cosine decay (Loshchilov & Hutter, SGDR) with optional linear warmup, as Keras's CosineDecay.
 *
 * @example
 * ```ts
 * const schedule = new CosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 });
 * schedule.call(500); // 0.05
 * const warm = new CosineDecay({ initialLearningRate: 0, warmupTarget: 0.1, warmupSteps: 100, decaySteps: 1000 });
 * ```
 */
export class CosineDecay extends LearningRateSchedule {
  static override className = 'CosineDecay';
  /** The learning rate at step 0. */
  readonly initialLearningRate: number;
  /** The number of steps the cosine decays over. */
  readonly decaySteps: number;
  /** The floor, as a fraction of the learning rate decayed from. */
  readonly alpha: number;
  /** The rate warmup rises to, or null for no warmup. */
  readonly warmupTarget: number | null;
  /** The number of warmup steps. */
  readonly warmupSteps: number;

  constructor(args: CosineDecayArgs) {
    super();
    this.initialLearningRate = checkNumber('CosineDecay', 'initialLearningRate', args?.initialLearningRate);
    this.decaySteps = checkNumber('CosineDecay', 'decaySteps', args.decaySteps, { positive: true });
    this.alpha = checkNumber('CosineDecay', 'alpha', args.alpha ?? 0);
    this.warmupTarget = args.warmupTarget ?? null;
    if (this.warmupTarget !== null) checkNumber('CosineDecay', 'warmupTarget', this.warmupTarget);
    this.warmupSteps = checkNumber('CosineDecay', 'warmupSteps', args.warmupSteps ?? 0);
  }

  private decay(step: number, from: number): number {
    const cosine = 0.5 * (1 + Math.cos((Math.PI * step) / this.decaySteps));
    return from * ((1 - this.alpha) * cosine + this.alpha);
  }

  call(step: number): number {
    if (this.warmupTarget === null) return this.decay(Math.min(step, this.decaySteps), this.initialLearningRate);
    const s = Math.min(step, this.decaySteps + this.warmupSteps);
    if (s < this.warmupSteps)
      return (this.warmupTarget - this.initialLearningRate) * (s / this.warmupSteps) + this.initialLearningRate;
    return this.decay(s - this.warmupSteps, this.warmupTarget);
  }

  getConfig(): Record<string, unknown> {
    return {
      initialLearningRate: this.initialLearningRate,
      decaySteps: this.decaySteps,
      alpha: this.alpha,
      warmupTarget: this.warmupTarget,
      warmupSteps: this.warmupSteps,
    };
  }
}
