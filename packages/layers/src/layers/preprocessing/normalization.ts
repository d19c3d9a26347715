import {
  add,
  cast,
  dispose,
  div,
  maximum,
  mul,
  reshape,
  sqrt,
  sub,
  tensor,
  tidy,
  zeros,
  Tensor,
  type Shape,
  type Variable,
} from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { moments } from '../normalization/moments';
import { booleanOption, resolveAxes } from '../normalization/option-checks';
import { flattenValues, type NestedValues } from './nested-values';

export interface NormalizationArgs extends LayerArgs {
  /**
   * The axis or axes that keep a separate mean and variance per index (default -1: per feature);
   * null or [] for one scalar mean and variance over everything.
   */
  axis?: number | number[] | null;
  /** Fixed statistics instead of adapt(): broadcast to the kept axes (aligned from the right). Give both or neither. */
  mean?: NestedValues | null;
  /** The fixed variance that goes with `mean` (see there). */
  variance?: NestedValues | null;
  /** Undo the normalization instead: `mean + x * sqrt(variance)` (default false). */
  invert?: boolean;
}

// Keras's backend.epsilon(): the smallest standard deviation divided by, so constant features give 0, not NaN.
const MIN_STD = 1e-7;

/**
 * Shifts and scales inputs to mean 0 and variance 1 per kept index: `(x - mean) / sqrt(variance)`,
 * as Keras's Normalization. The statistics are given as options, or learned from data by `adapt()`,
 * which stores them as the non-trainable weights `mean` and `variance` (and `count`, always 0, as Keras).
 *
 * Input: any shape. Output: the same shape, float32.
 *
 * @example
 * ```ts
 * const norm = new Normalization({ axis: -1 });
 * norm.adapt(tensor([[0, 10], [2, 30]])); // mean [1, 20], variance [1, 100]
 * norm.apply(tensor([[1, 30]])); // [[0, 1]]
 * ```
 */
export class Normalization extends Layer {
  static override className = 'Normalization';
  /** The axes that keep their own statistics (the others are averaged over). */
  readonly axis: number[];
  /** Whether the layer undoes the normalization. */
  readonly invert: boolean;
  /** The fixed mean given as an option, or null. */
  readonly inputMean: NestedValues | null;
  /** The fixed variance given as an option, or null. */
  readonly inputVariance: NestedValues | null;
  /** The mean `adapt()` computed, or null before adapt(). */
  adaptMean: Variable | null = null;
  /** The variance `adapt()` computed, or null before adapt(). */
  adaptVariance: Variable | null = null;
  /** Kept for Keras's weight layout: Keras 3 creates this weight and never writes it, so adapt() leaves it at 0 too. */
  count: Variable | null = null;
  private fixed: { mean: number[]; variance: number[]; shape: number[] } | null = null;
  private keepAxes: number[] = [];
  private reduceAxes: number[] = [];
  private broadcastShape: number[] = [];
  private fixedShape: number[] = [];

  constructor(args: NormalizationArgs = {}) {
    super(args);
    const cls = 'Normalization';
    const axis = args.axis === undefined ? -1 : args.axis;
    const list = axis === null ? [] : typeof axis === 'number' ? [axis] : axis;
    if (!Array.isArray(list) || !list.every((a) => typeof a === 'number' && Number.isInteger(a))) {
      throw new LayerError(
        `${cls}: axis must be an integer, an array of integers, or null for one scalar mean and variance, received ${JSON.stringify(axis)}`,
      );
    }
    this.axis = [...list];
    this.invert = booleanOption(cls, 'invert', args.invert, false);
    this.inputMean = args.mean ?? null;
    this.inputVariance = args.variance ?? null;
    if ((this.inputMean === null) !== (this.inputVariance === null)) {
      throw new LayerError(
        `${cls}: give mean and variance together (or neither, and call adapt()), received mean=${JSON.stringify(this.inputMean)} and variance=${JSON.stringify(this.inputVariance)}`,
      );
    }
    if (this.inputMean !== null) {
      const mean = flattenValues(cls, 'mean', this.inputMean);
      const variance = flattenValues(cls, 'variance', this.inputVariance);
      if (fmtShape(mean.shape) !== fmtShape(variance.shape))
        throw new LayerError(
          `${cls}: mean and variance must have the same shape, received ${fmtShape(mean.shape)} and ${fmtShape(variance.shape)}`,
        );
      if (mean.shape.length > this.axis.length)
        throw new LayerError(
          `${cls}: mean has rank ${mean.shape.length} (shape ${fmtShape(mean.shape)}) but there are only ${this.axis.length} kept axes (axis ${JSON.stringify(this.axis)})`,
        );
      if (variance.values.some((v) => v < 0))
        throw new LayerError(`${cls}: variance must not be negative, received ${JSON.stringify(this.inputVariance)}`);
      this.fixed = { mean: mean.values, variance: variance.values, shape: mean.shape };
    }
    this.supportsMasking = true;
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = inputShape as Shape;
    const where = `Layer "${this.name}"`;
    this.keepAxes = resolveAxes(where, this.axis, shape);
    const unknown = this.keepAxes.find((a) => shape[a] === null);
    if (unknown !== undefined)
      throw new LayerError(
        `${where}: the kept axes ${JSON.stringify(this.axis)} must have known sizes, but axis ${unknown} of the input shape ${fmtShape(shape)} is unknown`,
      );
    this.reduceAxes = shape.map((_, i) => i).filter((i) => !this.keepAxes.includes(i));
    this.broadcastShape = shape.map((d, i) => (this.keepAxes.includes(i) ? (d as number) : 1));
    if (this.fixed) this.fixedShape = this.alignFixed(where, shape);
    else {
      const statShape = this.keepAxes.map((a) => shape[a] as number);
      this.adaptMean = this.addWeight('mean', statShape, { initializer: 'zeros', trainable: false });
      this.adaptVariance = this.addWeight('variance', statShape, { initializer: 'ones', trainable: false });
      this.count = this.addWeight('count', [], { initializer: 'zeros', dtype: 'int32', trainable: false });
    }
    this.inputSpec = {
      ndim: shape.length,
      axes: Object.fromEntries(this.keepAxes.map((a) => [a, shape[a] as number])),
    };
    this.built = true;
  }

  /** Keras's rule for given statistics: their axes line up with the kept axes from the right. */
  private alignFixed(where: string, shape: Shape): number[] {
    const given = this.fixed!.shape;
    const aligned = shape.map(() => 1);
    given.forEach((d, i) => (aligned[this.keepAxes[this.keepAxes.length - given.length + i]] = d));
    if (aligned.some((d, i) => d !== 1 && d !== this.broadcastShape[i])) {
      throw new LayerError(
        `${where}: mean and variance of shape ${fmtShape(given)} do not broadcast to the kept axes ${JSON.stringify(this.axis)} of the input shape ${fmtShape(shape)}; give one value, or one per index of those axes`,
      );
    }
    return aligned;
  }

  override call(inputs: Tensor): Tensor {
    const x = inputs.dtype === 'float32' ? inputs : cast(inputs, 'float32');
    const [mean, variance] = this.fixed
      ? [tensor(this.fixed.mean, this.fixedShape), tensor(this.fixed.variance, this.fixedShape)]
      : [reshape(this.adaptMean!, this.broadcastShape), reshape(this.adaptVariance!, this.broadcastShape)];
    const std = maximum(sqrt(variance), MIN_STD);
    return this.invert ? add(mean, mul(x, std)) : div(sub(x, mean), std);
  }

  /**
   * Computes the mean and variance of `data` (one tensor, or an array of batches) over the reduced
   * axes and stores them in the weights. Batches are merged exactly (Chan et al.'s pairwise update,
   * as Keras), holding only the running totals.
   */
  adapt(data: Tensor | readonly Tensor[]): void {
    const where = `Layer "${this.name}"`;
    if (this.fixed)
      throw new LayerError(
        `${where}: adapt() learns mean and variance, but this layer was given them as options; create it without mean and variance to adapt it`,
      );
    const batches = data instanceof Tensor ? [data] : Array.isArray(data) ? data : null;
    if (!batches || batches.length === 0 || !batches.every((b) => b instanceof Tensor)) {
      throw new LayerError(
        `${where}: adapt() expects a Tensor or a non-empty array of Tensor batches, received ${Array.isArray(data) ? `an array of ${data.length}` : typeof data}`,
      );
    }
    this.ensureBuilt(batches[0].shape);
    let [totalMean, totalVariance, total] = [zeros(this.adaptMean!.shape), zeros(this.adaptMean!.shape), 0];
    for (const batch of batches) {
      this.checkBatch(where, batch);
      const n = this.reduceAxes.reduce((acc, a) => acc * batch.shape[a], 1);
      total += n;
      const [w, keep] = [n / total, 1 - n / total];
      const next = tidy(() => {
        const [mean, variance] = moments(
          batch.dtype === 'float32' ? batch : cast(batch, 'float32'),
          this.reduceAxes,
          false,
        );
        const merged = add(mul(totalMean, keep), mul(mean, w));
        const spread = (m: Tensor, v: Tensor, weight: number) =>
          mul(add(v, mul(sub(m, merged), sub(m, merged))), weight);
        return [merged, add(spread(totalMean, totalVariance, keep), spread(mean, variance, w))];
      });
      dispose([totalMean, totalVariance]);
      [totalMean, totalVariance] = next;
    }
    this.adaptMean!.assign(totalMean);
    this.adaptVariance!.assign(totalVariance);
    dispose([totalMean, totalVariance]);
  }

  private checkBatch(where: string, batch: Tensor): void {
    const expected = this.broadcastShape;
    const fits = batch.shape.length === expected.length && this.keepAxes.every((a) => batch.shape[a] === expected[a]);
    if (!fits) {
      throw new LayerError(
        `${where}: adapt() received a batch of shape ${fmtShape(batch.shape)}, but the layer keeps axes ${JSON.stringify(this.keepAxes)} of inputs of rank ${expected.length} with sizes ${fmtShape(this.keepAxes.map((a) => expected[a]))}`,
      );
    }
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    return inputShape as Shape;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      axis: [...this.axis],
      invert: this.invert,
      mean: this.inputMean,
      variance: this.inputVariance,
    };
  }
}
