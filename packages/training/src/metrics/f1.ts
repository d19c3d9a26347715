import {
  type Tensor,
  abs,
  add,
  cast,
  div,
  expandDims,
  greater,
  greaterEqual,
  logicalAnd,
  max,
  mean,
  mul,
  sub,
  sum,
  tidy,
} from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { TrainingError } from '../errors';
import { Metric, type MetricArgs } from './metric';

/** The options of `FBetaScore` and `F1Score`: the averaging, beta and the threshold. */
export interface FBetaArgs extends MetricArgs {
  /** null: one score per class; 'micro': from the summed counts; 'macro': mean of the classes; 'weighted': mean weighted by support. */
  average?: null | 'micro' | 'macro' | 'weighted';
  /** The weight of recall against precision (1: F1). Default: 1. */
  beta?: number;
  /** Predictions above it are positive; null: each sample's top prediction is its positive. */
  threshold?: number | null;
}

const EPSILON = 1e-7;

/**
 * The F-beta score of one-hot (or multi-label) predictions, per class or averaged (Keras's FBetaScore).
 *
 * @example
 * ```ts
 * const m = new metrics.FBetaScore({ beta: 2, average: 'macro', threshold: 0.5 });
 * model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: [m] });
 * ```
 */
export class FBetaScore extends Metric {
  static override className = 'FBetaScore';
  /** How per-class scores combine: null (one per class), `'micro'`, `'macro'` or `'weighted'`. */
  readonly average: null | 'micro' | 'macro' | 'weighted';
  /** The weight of recall against precision. */
  readonly beta: number;
  /** Predictions above it are positive; null: each sample's top prediction. */
  readonly threshold: number | null;

  constructor(args: FBetaArgs = {}, defaultName = 'fbeta_score') {
    super(args, defaultName);
    this.average = args.average ?? null;
    if (![null, 'micro', 'macro', 'weighted'].includes(this.average)) {
      throw new TrainingError(
        `${(this.constructor as typeof Metric).className}: average must be null, 'micro', 'macro' or 'weighted', received ${JSON.stringify(args.average)}`,
      );
    }
    this.beta = args.beta ?? 1;
    if (!(this.beta > 0))
      throw new TrainingError(
        `${(this.constructor as typeof Metric).className}: beta must be a positive number, received ${JSON.stringify(args.beta)}`,
      );
    this.threshold = args.threshold ?? null;
  }

  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | null): void {
    if (yPred.rank !== 2 || yTrue.rank !== 2 || yTrue.shape[1] !== yPred.shape[1]) {
      throw new TrainingError(
        `${this.name}: expected one-hot labels and predictions of one shape [batch, classes], received labels ${fmtShape(yTrue.shape)} and predictions ${fmtShape(yPred.shape)}`,
      );
    }
    tidy(() => {
      const classes = yPred.shape[1];
      const positive = cast(
        this.threshold === null
          ? logicalAnd(greaterEqual(yPred, max(yPred, -1, true)), greater(abs(yPred), 1e-9))
          : greater(yPred, this.threshold),
        'float32',
      );
      const t = cast(yTrue, 'float32');
      const w = sampleWeight ? expandDims(cast(sampleWeight, 'float32'), 1) : null;
      const total = (x: Tensor) => sum(w ? mul(x, w) : x, 0);
      this.accumulate('tp', total(mul(positive, t)), [classes]);
      this.accumulate('fp', total(mul(positive, sub(1, t))), [classes]);
      this.accumulate('fn', total(mul(sub(1, positive), t)), [classes]);
      this.accumulate('support', total(t), [classes]);
    });
  }

  result(): Tensor {
    return tidy(() => {
      const classes = this.variables[0]?.shape[0] ?? 1;
      let [tp, fp, fn] = (['tp', 'fp', 'fn'] as const).map((c) => this.state(c, [classes]) as Tensor);
      if (this.average === 'micro') [tp, fp, fn] = [sum(tp), sum(fp), sum(fn)];
      const precision = div(tp, add(add(tp, fp), EPSILON));
      const recall = div(tp, add(add(tp, fn), EPSILON));
      const b2 = this.beta * this.beta;
      const score = mul(div(mul(precision, recall), add(add(mul(precision, b2), recall), EPSILON)), 1 + b2);
      if (this.average === 'weighted') {
        const support = this.state('support', [classes]);
        return sum(mul(score, div(support, add(sum(support), EPSILON))));
      }
      return this.average === null ? mul(score, 1) : mean(score);
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), average: this.average, beta: this.beta, threshold: this.threshold };
  }
}

/**
 * The F1 score (harmonic mean of precision and recall), per class or averaged.
 *
 * @example
 * ```ts
 * const f1 = new metrics.F1Score({ average: 'macro' });
 * model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: [f1] });
 * ```
 */
export class F1Score extends FBetaScore {
  static override className = 'F1Score';
  constructor(args: Omit<FBetaArgs, 'beta'> = {}) {
    super({ ...args, beta: 1 }, 'f1_score');
  }
  override getConfig(): Record<string, unknown> {
    const { beta: _beta, ...config } = super.getConfig();
    return config;
  }
}
