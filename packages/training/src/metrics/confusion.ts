import {
  type Tensor,
  add,
  cast,
  expandDims,
  greater,
  greaterEqual,
  mul,
  onesLike,
  reshape,
  slice,
  squeeze,
  sub,
  sum,
  tensor,
  tidy,
  topK,
  where,
  min,
} from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { TrainingError } from '../errors';
import { Metric, divNoNan, type MetricArgs } from './metric';

/** The counts a confusion-matrix metric keeps, per threshold. */
export type ConfusionCount = 'tp' | 'fp' | 'tn' | 'fn';

/** Which predictions count, for Precision and Recall. */
export interface ConfusionOptions {
  /** Only the top k predictions of each sample count as positive. */
  topK?: number | null;
  /** Only this class (index on the last axis) is scored. */
  classId?: number | null;
}

/**
 * Labels, predictions and weights flattened to one entry per decision, with topK and classId applied.
 *
 * @example
 * ```ts
 * metrics.flattenDecisions('recall', tensor([[0, 1]]), tensor([[0.3, 0.8]]), null); // 2 decisions, weights 1
 * ```
 */
export function flattenDecisions(
  owner: string,
  yTrue: Tensor,
  yPred: Tensor,
  sampleWeight: Tensor | null | undefined,
  options: ConfusionOptions = {},
): {
  /** One label (0 or 1) per decision. */
  labels: Tensor;
  /** One prediction per decision. */
  preds: Tensor;
  /** One weight per decision. */
  weights: Tensor;
} {
  let t = yTrue.dtype === 'float32' ? yTrue : cast(yTrue, 'float32');
  let p = yPred;
  if (t.rank === p.rank + 1 && t.shape[t.rank - 1] === 1) t = squeeze(t, -1);
  if (p.rank === t.rank + 1 && p.shape[p.rank - 1] === 1) p = squeeze(p, -1);
  if (t.rank !== p.rank || t.shape.some((d, i) => d !== p.shape[i])) {
    throw new TrainingError(
      `${owner}: labels of shape ${fmtShape(yTrue.shape)} do not match predictions of shape ${fmtShape(yPred.shape)}; expected binary (or one-hot) labels of the predictions' shape`,
    );
  }
  let w: Tensor = onesLike(p);
  if (sampleWeight) {
    let sw = sampleWeight.dtype === 'float32' ? sampleWeight : cast(sampleWeight, 'float32');
    while (sw.rank < p.rank) sw = expandDims(sw, -1);
    w = mul(w, sw);
  }
  if (options.topK) {
    const kth = min(topK(p, options.topK).values, -1, true);
    p = where(greaterEqual(p, kth), p, -Infinity);
  }
  if (options.classId !== undefined && options.classId !== null) {
    const last = p.rank - 1;
    const begin = p.shape.map((_, i) => (i === last ? (options.classId as number) : 0));
    const size = p.shape.map((d, i) => (i === last ? 1 : d));
    [t, p, w] = [t, p, w].map((x) => slice(x, begin, size));
  }
  return { labels: reshape(t, [-1]), preds: reshape(p, [-1]), weights: reshape(w, [-1]) };
}

/**
 * Adds the weighted counts at each threshold: tp/fp/tn/fn of shape [T].
 *
 * @example
 * ```ts
 * const { labels, preds, weights } = metrics.flattenDecisions('precision', yTrue, yPred, null);
 * metrics.confusionCounts(labels, preds, weights, tensor([0.5]), ['tp', 'fp']); // { tp: [T], fp: [T] }
 * ```
 */
export function confusionCounts(
  labels: Tensor,
  preds: Tensor,
  weights: Tensor,
  thresholds: Tensor,
  which: readonly ConfusionCount[],
): Record<ConfusionCount, Tensor> {
  const positive = cast(greater(expandDims(preds, 0), expandDims(thresholds, 1)), 'float32'); // [T, M]
  const truth = expandDims(mul(labels, weights), 0);
  const falsity = expandDims(mul(sub(1, labels), weights), 0);
  const out = {} as Record<ConfusionCount, Tensor>;
  for (const c of which) {
    if (c === 'tp') out.tp = sum(mul(positive, truth), 1);
    if (c === 'fp') out.fp = sum(mul(positive, falsity), 1);
    if (c === 'fn') out.fn = sum(mul(sub(1, positive), truth), 1);
    if (c === 'tn') out.tn = sum(mul(sub(1, positive), falsity), 1);
  }
  return out;
}

/** The options of `Precision` and `Recall`: the thresholds, `topK` and `classId`. */
export interface PrecisionRecallArgs extends MetricArgs, ConfusionOptions {
  /** A prediction above a threshold counts as positive; several thresholds give one result each. */
  thresholds?: number | readonly number[];
}

/** Keras's NEG_INF: the threshold of top-k metrics given none (only the filtered-out -Infinity falls below it). */
const TOP_K_THRESHOLD = -1e10;

abstract class ThresholdedRatio extends Metric {
  /** The thresholds above which a prediction counts as positive (one result each). */
  readonly thresholds: number[];
  private readonly givenThresholds: number | readonly number[] | null;
  /** Only the top k predictions of each sample count as positive, or null for all. */
  readonly topK: number | null;
  /** The only class scored, or null for all. */
  readonly classId: number | null;
  /** The two confusion counts whose ratio tp / (tp + other) is the metric. */
  protected abstract readonly counts: [ConfusionCount, ConfusionCount];

  constructor(args: PrecisionRecallArgs, defaultName: string) {
    super(args, defaultName);
    this.topK = args.topK ?? null;
    this.givenThresholds = args.thresholds ?? null;
    // As Keras: with topK and no thresholds, every top-k prediction is positive, whatever its value.
    const th = args.thresholds ?? (this.topK ? TOP_K_THRESHOLD : 0.5);
    this.thresholds = Array.isArray(th) ? [...th] : [th as number];
    if (args.thresholds !== undefined && this.thresholds.some((x) => typeof x !== 'number' || x < 0 || x > 1)) {
      throw new TrainingError(
        `${(this.constructor as typeof Metric).className}: thresholds must be numbers in [0, 1], received ${JSON.stringify(args.thresholds)}`,
      );
    }
    this.classId = args.classId ?? null;
  }

  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | null): void {
    tidy(() => {
      const { labels, preds, weights } = flattenDecisions(this.name, yTrue, yPred, sampleWeight, this);
      const counts = confusionCounts(labels, preds, weights, tensor(this.thresholds), this.counts);
      for (const c of this.counts) this.accumulate(c, counts[c], [this.thresholds.length]);
    });
  }

  result(): Tensor {
    return tidy(() => {
      const [a, b] = this.counts.map((c) => this.state(c, [this.thresholds.length]));
      const ratio = divNoNan(a, add(a, b));
      return this.thresholds.length === 1 ? reshape(ratio, []) : ratio;
    });
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      thresholds:
        this.givenThresholds === null && this.topK
          ? null
          : this.thresholds.length === 1
            ? this.thresholds[0]
            : this.thresholds,
      topK: this.topK,
      classId: this.classId,
    };
  }
}

/**
 * tp / (tp + fp): of the predicted positives, the fraction that are positive.
 *
 * @example
 * ```ts
 * const m = new metrics.Precision();
 * m.updateState(tensor([0, 1, 1, 1]), tensor([1, 0, 1, 1]));
 * m.result(); // 0.667
 * ```
 */
export class Precision extends ThresholdedRatio {
  static override className = 'Precision';
  protected readonly counts: [ConfusionCount, ConfusionCount] = ['tp', 'fp'];
  constructor(args: PrecisionRecallArgs = {}) {
    super(args, 'precision');
  }
}

/**
 * tp / (tp + fn): of the positives, the fraction predicted positive.
 *
 * @example
 * ```ts
 * const m = new metrics.Recall();
 * m.updateState(tensor([0, 1, 1, 1]), tensor([1, 0, 1, 1]));
 * m.result(); // 0.667
 * ```
 */
export class Recall extends ThresholdedRatio {
  static override className = 'Recall';
  protected readonly counts: [ConfusionCount, ConfusionCount] = ['tp', 'fn'];
  constructor(args: PrecisionRecallArgs = {}) {
    super(args, 'recall');
  }
}
