import {
  type Tensor,
  add,
  cast,
  ceil,
  concat,
  clipByValue,
  cumsum,
  div,
  greater,
  logicalAnd,
  log,
  matmul,
  maximum,
  minimum,
  mul,
  oneHot,
  onesLike,
  reshape,
  sigmoid,
  slice,
  sub,
  sum,
  tensor,
  tidy,
  where,
} from '@strata/tensor';
import { TrainingError } from '../errors';
import { Metric, divNoNan, type MetricArgs } from './metric';
import { confusionCounts, flattenDecisions } from './confusion';

/** The options of `AUC`: the thresholds, the curve (ROC or PR) and how the area is summed. */
export interface AUCArgs extends MetricArgs {
  /** How many thresholds to discretise [0, 1] with (default 200). */
  numThresholds?: number;
  /** 'ROC' (true vs false positive rate) or 'PR' (precision vs recall). */
  curve?: 'ROC' | 'PR';
  /** 'interpolation' (trapezoids; Davis & Goadrich for PR), 'minoring' or 'majoring' (Riemann sums). */
  summationMethod?: 'interpolation' | 'minoring' | 'majoring';
  /** Explicit thresholds in (0, 1), used instead of numThresholds. */
  thresholds?: readonly number[];
  /** Predictions are logits: a sigmoid is applied first. */
  fromLogits?: boolean;
}

const EPSILON = 1e-7;

/**
 * The area under the ROC or PR curve, from true/false positive/negative counts accumulated at fixed
 * thresholds (Keras's AUC, labels and predictions flattened, as multiLabel=false).
 *
 * @example
 * ```ts
 * const m = new metrics.AUC({ numThresholds: 3 });
 * m.updateState(tensor([0, 0, 1, 1]), tensor([0, 0.5, 0.3, 0.9]));
 * m.result(); // 0.75
 * ```
 */
export class AUC extends Metric {
  static override className = 'AUC';
  /** The curve whose area is computed: `'ROC'` or `'PR'`. */
  readonly curve: 'ROC' | 'PR';
  /** How the area is summed. */
  readonly summationMethod: 'interpolation' | 'minoring' | 'majoring';
  /** The thresholds the curve is sampled at, in increasing order. */
  readonly thresholds: number[];
  /** Whether a sigmoid is applied to predictions first. */
  readonly fromLogits: boolean;
  /** Thresholds i/(n-1): counts come from a histogram of predictions, O(samples + thresholds). */
  readonly evenlySpaced: boolean;

  constructor(args: AUCArgs = {}) {
    super(args, 'auc');
    this.curve = (args.curve ?? 'ROC').toUpperCase() as 'ROC' | 'PR';
    if (this.curve !== 'ROC' && this.curve !== 'PR')
      throw new TrainingError(`AUC: curve must be 'ROC' or 'PR', received ${JSON.stringify(args.curve)}`);
    this.summationMethod = args.summationMethod ?? 'interpolation';
    if (!['interpolation', 'minoring', 'majoring'].includes(this.summationMethod)) {
      throw new TrainingError(
        `AUC: summationMethod must be 'interpolation', 'minoring' or 'majoring', received ${JSON.stringify(args.summationMethod)}`,
      );
    }
    this.fromLogits = args.fromLogits ?? false;
    let inner: number[];
    if (args.thresholds) {
      inner = [...args.thresholds];
    } else {
      const n = args.numThresholds ?? 200;
      if (!Number.isInteger(n) || n <= 1)
        throw new TrainingError(
          `AUC: numThresholds must be an integer > 1, received ${JSON.stringify(args.numThresholds)}`,
        );
      inner = Array.from({ length: n - 2 }, (_, i) => (i + 1) / (n - 1));
    }
    this.thresholds = [-EPSILON, ...inner, 1 + EPSILON];
    this.evenlySpaced = !args.thresholds;
  }

  /** The number of thresholds. */
  get numThresholds(): number {
    return this.thresholds.length;
  }

  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | null): void {
    tidy(() => {
      const { labels, preds, weights } = flattenDecisions(
        this.name,
        yTrue,
        this.fromLogits ? sigmoid(yPred) : yPred,
        sampleWeight,
      );
      const counts = this.evenlySpaced
        ? this.bucketCounts(labels, preds, weights)
        : confusionCounts(labels, preds, weights, tensor(this.thresholds), ['tp', 'fp', 'tn', 'fn']);
      for (const c of ['tp', 'fp', 'tn', 'fn'] as const) this.accumulate(c, counts[c], [this.numThresholds]);
    });
  }

  // A prediction p exceeds thresholds 0..b(p) with b(p) = clip(ceil(p(n-1)) - 1, 0, n-2): a histogram of
  // b weighted by labels, summed from the top, gives tp (and fp) at every threshold at once.
  private bucketCounts(labels: Tensor, preds: Tensor, weights: Tensor): Record<'tp' | 'fp' | 'tn' | 'fn', Tensor> {
    const n = this.numThresholds;
    const bucket = cast(clipByValue(sub(ceil(mul(clipByValue(preds, 0, 1), n - 1)), 1), 0, n - 2), 'int32');
    const positive = mul(labels, weights);
    const negative = mul(sub(1, labels), weights);
    const histogram = matmul(reshape(tensorStack(positive, negative), [2, -1]), oneHot(bucket, n));
    const above = cumsum(histogram, 1, { reverse: true });
    const tp = reshape(slice(above, [0, 0], [1, n]), [n]);
    const fp = reshape(slice(above, [1, 0], [1, n]), [n]);
    return { tp, fp, fn: sub(sum(positive), tp), tn: sub(sum(negative), fp) };
  }

  result(): Tensor {
    return tidy(() => {
      const n = this.numThresholds;
      const [tp, fp, tn, fn] = (['tp', 'fp', 'tn', 'fn'] as const).map((c) => this.state(c, [n]));
      const head = (x: Tensor) => slice(x, [0], [n - 1]);
      const tail = (x: Tensor) => slice(x, [1], [n - 1]);
      if (this.curve === 'PR' && this.summationMethod === 'interpolation')
        return interpolatePrAuc(tp, fp, fn, head, tail);
      const recall = divNoNan(tp, add(tp, fn));
      const [x, y] = this.curve === 'ROC' ? [divNoNan(fp, add(fp, tn)), recall] : [recall, divNoNan(tp, add(tp, fp))];
      const heights =
        this.summationMethod === 'interpolation'
          ? div(add(head(y), tail(y)), 2)
          : this.summationMethod === 'minoring'
            ? minimum(head(y), tail(y))
            : maximum(head(y), tail(y));
      return sum(mul(sub(head(x), tail(x)), heights));
    });
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      curve: this.curve,
      summationMethod: this.summationMethod,
      thresholds: this.thresholds.slice(1, -1),
      fromLogits: this.fromLogits,
    };
  }
}

function tensorStack(a: Tensor, b: Tensor): Tensor {
  return concat([reshape(a, [1, -1]), reshape(b, [1, -1])], 0);
}

// Davis & Goadrich (2006): precision interpolated between thresholds along the true-positive count.
function interpolatePrAuc(
  tp: Tensor,
  fp: Tensor,
  fn: Tensor,
  head: (x: Tensor) => Tensor,
  tail: (x: Tensor) => Tensor,
): Tensor {
  const dtp = sub(head(tp), tail(tp));
  const p = add(tp, fp);
  const dp = sub(head(p), tail(p));
  const slope = divNoNan(dtp, maximum(dp, 0));
  const intercept = sub(tail(tp), mul(slope, tail(p)));
  const bothPositive = logicalAnd(greater(head(p), 0), greater(tail(p), 0));
  const ratio = where(bothPositive, divNoNan(head(p), maximum(tail(p), 0)), onesLike(tail(p)));
  const increments = divNoNan(mul(slope, add(dtp, mul(intercept, log(ratio)))), maximum(add(tail(tp), tail(fn)), 0));
  return sum(increments);
}
