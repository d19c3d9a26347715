import { Tensor, cast, div, expandDims, mul, squeeze, sum, tidy } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { TrainingError, describeValue } from '../errors';

/** How per-sample losses become one number (Keras's reductions; camelCase spellings accepted too). */
export type Reduction = 'sum_over_batch_size' | 'sum' | 'none' | 'mean' | 'mean_with_sample_weight';

const REDUCTIONS: Record<string, Reduction> = {
  sumoverbatchsize: 'sum_over_batch_size',
  sum: 'sum',
  none: 'none',
  mean: 'mean',
  meanwithsampleweight: 'mean_with_sample_weight',
};

/**
 * Normalises a reduction name ('sum_over_batch_size' or 'sumOverBatchSize'), or explains the valid ones.
 *
 * @example
 * ```ts
 * standardizeReduction('MyLoss', 'sumOverBatchSize'); // 'sum_over_batch_size'
 * ```
 */
export function standardizeReduction(owner: string, reduction: string | null | undefined): Reduction {
  if (reduction === null || reduction === undefined) return 'sum_over_batch_size';
  const r = typeof reduction === 'string' ? REDUCTIONS[reduction.replace(/_/g, '').toLowerCase()] : undefined;
  if (!r)
    throw new TrainingError(
      `${owner}: unknown reduction ${JSON.stringify(reduction)}; expected one of ${Object.values(REDUCTIONS).join(', ')}`,
    );
  return r;
}

/** A per-sample loss function: `fn(yTrue, yPred)` → one loss per sample. */
export type LossFunction = (yTrue: Tensor, yPred: Tensor) => Tensor;

/** The options every loss takes. */
export interface LossArgs {
  /** The loss's name in logs and configs. Default: the loss's snake_case name (`'mean_squared_error'`). */
  name?: string;
  /** How per-sample losses become one number. Default: `'sum_over_batch_size'` (the mean over samples). */
  reduction?: Reduction | string;
}

/**
 * The base of every loss. `call(yTrue, yPred)` gives the loss of each sample; `apply(yTrue, yPred,
 * sampleWeight?)` weights and reduces them (Keras's `__call__`).
 *
 * @example
 * ```ts
 * class MeanFourthPower extends Loss {
 *   static override className = 'MeanFourthPower';
 *   call(yTrue: Tensor, yPred: Tensor): Tensor {
 *     return mean(pow(sub(yPred, yTrue), 4), -1); // one loss per sample
 *   }
 * }
 * model.compile({ optimizer: 'adam', loss: new MeanFourthPower() });
 * ```
 */
export abstract class Loss {
  /** The Keras class name, saved in configs; each subclass sets its own. */
  static className = 'Loss';
  /** The loss's name in logs and configs. */
  readonly name: string;
  /** How per-sample losses become one number. */
  readonly reduction: Reduction;

  constructor(args: LossArgs = {}, defaultName = 'loss') {
    this.name = args.name ?? defaultName;
    this.reduction = standardizeReduction((this.constructor as typeof Loss).className, args.reduction);
  }

  /** The loss of each sample (reduced over the last axis, as Keras's loss functions). */
  abstract call(yTrue: Tensor, yPred: Tensor): Tensor;

  /** The weighted, reduced loss: `sampleWeight` (per sample, or broadcastable to the per-sample losses) scales each term. */
  apply(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | null): Tensor {
    const owner = (this.constructor as typeof Loss).className;
    checkTensor(owner, 'yTrue', yTrue);
    checkTensor(owner, 'yPred', yPred);
    return tidy(() => reduceWeighted(owner, this.call(yTrue, yPred), sampleWeight ?? null, this.reduction));
  }

  /** The constructor options that rebuild this loss. */
  getConfig(): Record<string, unknown> {
    return { name: this.name, reduction: this.reduction };
  }
}

/**
 * A Loss around a per-sample function and its options (Keras's LossFunctionWrapper).
 *
 * @example
 * ```ts
 * const loss = new LossFunctionWrapper((yTrue, yPred) => mean(abs(sub(yPred, yTrue)), -1), { name: 'my_mae' });
 * ```
 */
export class LossFunctionWrapper extends Loss {
  static override className = 'LossFunctionWrapper';
  constructor(
    /** The per-sample loss function. */
    readonly fn: LossFunction,
    args: LossArgs = {},
    defaultName = 'loss',
  ) {
    super(args, defaultName);
  }

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    return this.fn(yTrue, yPred);
  }
}

function checkTensor(owner: string, arg: string, x: unknown): void {
  if (!(x instanceof Tensor))
    throw new TrainingError(
      `${owner}: ${arg} must be a Tensor, received ${describeValue(x)}; wrap values with tensor(...)`,
    );
}

/**
 * Weights per-sample losses and reduces them (Keras's reduce_weighted_values).
 *
 * @example
 * ```ts
 * reduceWeighted('MyLoss', tensor([1, 3]), tensor([1, 0]), 'sum_over_batch_size'); // (1·1 + 3·0) / 2 = 0.5
 * ```
 */
export function reduceWeighted(
  owner: string,
  values: Tensor,
  sampleWeight: Tensor | null,
  reduction: Reduction,
): Tensor {
  let v = values;
  if (sampleWeight) {
    let w = sampleWeight.dtype === 'float32' ? sampleWeight : cast(sampleWeight, 'float32');
    if (w.rank === v.rank + 1 && w.shape[w.rank - 1] === 1) w = squeeze(w, -1);
    if (w.rank > v.rank || w.shape.some((d, i) => d !== 1 && d !== v.shape[i])) {
      throw new TrainingError(
        `${owner}: sampleWeight of shape ${fmtShape(sampleWeight.shape)} does not fit the per-sample losses of shape ${fmtShape(values.shape)}; ` +
          `pass one weight per sample (shape [${values.shape[0] ?? ''}]) or a shape that broadcasts to the losses from the left`,
      );
    }
    while (w.rank < v.rank) w = expandDims(w, -1);
    v = mul(v, w);
  }
  if (reduction === 'none' || v.rank === 0) return v;
  const total = sum(v);
  if (reduction === 'sum') return total;
  if (reduction === 'mean_with_sample_weight' && sampleWeight) {
    return div(total, sum(cast(sampleWeight, 'float32')));
  }
  return v.size === 0 ? mul(total, 0) : div(total, v.size);
}

/**
 * Brings labels and predictions to one rank as Keras does (squeezes or expands a trailing axis of
 * size 1), casts labels to float32, and checks the shapes agree, naming the loss.
 *
 * @example
 * ```ts
 * const [t, p] = alignLabels('MyLoss', tensor([1, 0]), tensor([[0.9], [0.2]])); // labels become [[1], [0]]
 * ```
 */
export function alignLabels(loss: string, yTrue: Tensor, yPred: Tensor, hint = ''): [Tensor, Tensor] {
  checkTensor(loss, 'yTrue', yTrue);
  checkTensor(loss, 'yPred', yPred);
  if (yPred.dtype !== 'float32') {
    throw new TrainingError(
      `${loss}: predictions must be float32, received ${yPred.dtype} ${fmtShape(yPred.shape)}; the model's output layer should produce floats`,
    );
  }
  let t = yTrue.dtype === 'float32' ? yTrue : cast(yTrue, 'float32');
  let p = yPred;
  if (p.rank === t.rank + 1 && p.shape[p.rank - 1] === 1) {
    if (t.rank === 1) t = expandDims(t, -1);
    else p = squeeze(p, -1);
  } else if (t.rank === p.rank + 1 && t.shape[t.rank - 1] === 1) t = squeeze(t, -1);
  if (t.rank !== p.rank || t.shape.some((d, i) => d !== p.shape[i])) {
    throw new TrainingError(
      `${loss}: labels of shape ${fmtShape(yTrue.shape)} do not match predictions of shape ${fmtShape(yPred.shape)}; expected labels of shape ${fmtShape(yPred.shape)}${hint}`,
    );
  }
  return [t, p];
}
