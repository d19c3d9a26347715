import { LearningRateSchedule, checkNumber } from './learning-rate-schedule';

/** The options of {@link CosineDecayRestarts}. */
export interface CosineDecayRestartsArgs {
  /** The learning rate at step 0 (the first peak). */
  initialLearningRate: number;
  /** The length of the first period, in steps. */
  firstDecaySteps: number;
  /** Each period is tMul times longer than the one before. */
  tMul?: number;
  /** Each restart starts from mMul times the previous peak. */
  mMul?: number;
  /** The floor, as a fraction of the peak. Default: 0. */
  alpha?: number;
}

/**
 * Cosine decay with warm restarts (SGDR), as Keras's CosineDecayRestarts.
 *
 * @example
 * ```ts
 * // Periods of 1000, 2000, 4000, ... steps, each restarting at 0.1.
 * const schedule = new CosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 1000 });
 * ```
 */
export class CosineDecayRestarts extends LearningRateSchedule {
  static override className = 'CosineDecayRestarts';
  /** The learning rate at step 0 (the first peak). */
  readonly initialLearningRate: number;
  /** The length of the first period, in steps. */
  readonly firstDecaySteps: number;
  /** The growth factor of each period's length. */
  readonly tMul: number;
  /** The factor each restart's peak is multiplied by. */
  readonly mMul: number;
  /** The floor, as a fraction of the peak. */
  readonly alpha: number;

  constructor(args: CosineDecayRestartsArgs) {
    super();
    this.initialLearningRate = checkNumber('CosineDecayRestarts', 'initialLearningRate', args?.initialLearningRate);
    this.firstDecaySteps = checkNumber('CosineDecayRestarts', 'firstDecaySteps', args.firstDecaySteps, {
      positive: true,
    });
    this.tMul = checkNumber('CosineDecayRestarts', 'tMul', args.tMul ?? 2, { positive: true });
    this.mMul = checkNumber('CosineDecayRestarts', 'mMul', args.mMul ?? 1);
    this.alpha = checkNumber('CosineDecayRestarts', 'alpha', args.alpha ?? 0);
  }

  call(step: number): number {
    let fraction = step / this.firstDecaySteps;
    let restart: number;
    if (this.tMul === 1) {
      restart = Math.floor(fraction);
      fraction -= restart;
    } else {
      restart = Math.floor(Math.log(1 - fraction * (1 - this.tMul)) / Math.log(this.tMul));
      const elapsed = (1 - this.tMul ** restart) / (1 - this.tMul);
      fraction = (fraction - elapsed) / this.tMul ** restart;
    }
    const cosine = 0.5 * this.mMul ** restart * (1 + Math.cos(Math.PI * fraction));
    return this.initialLearningRate * ((1 - this.alpha) * cosine + this.alpha);
  }

  getConfig(): Record<string, unknown> {
    return {
      initialLearningRate: this.initialLearningRate,
      firstDecaySteps: this.firstDecaySteps,
      tMul: this.tMul,
      mMul: this.mMul,
      alpha: this.alpha,
    };
  }
}
