import { maximum, mul, rsqrt, square, sum, type Shape, type Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import type { CallOptions, LayerArgs, ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { booleanOption } from '../normalization/option-checks';
import { batchDot } from './batch-dot';
import { Merge } from './merge';

export interface DotArgs extends LayerArgs {
  /** The axis to sum products over: one for both inputs, or [axisOfFirst, axisOfSecond]. Never the batch axis 0. */
  axes: number | [number, number];
  /** L2-normalize both inputs along their axis first, so the result is the cosine similarity (default false). */
  normalize?: boolean;
}

// Keras's backend.epsilon(): norms below it are clamped, so a zero vector gives 0, not NaN.
const EPSILON = 1e-7;

/**
 * The per-example dot product of exactly two inputs along the given axes, as Keras's Dot.
 *
 * Input: two tensors, [batch, ...]. Output: their product summed over `axes` ([batch, 1] for two [batch, n] inputs).
 *
 * @example
 * ```ts
 * const y = new Dot({ axes: 1 }).apply([ones([2, 3]), ones([2, 3])]); // [[3], [3]]
 * ```
 */
export class Dot extends Merge {
  static override className = 'Dot';
  /** The axis to sum products over: one for both inputs, or one per input. */
  readonly axes: number | [number, number];
  /** Whether both inputs are L2-normalized first (cosine similarity). */
  readonly normalize: boolean;

  constructor(args: DotArgs) {
    super(args);
    const axes = args?.axes;
    const isInt = (a: unknown) => typeof a === 'number' && Number.isInteger(a);
    if (!isInt(axes) && !(Array.isArray(axes) && axes.length === 2 && axes.every(isInt))) {
      throw new LayerError(
        `Dot: axes must be an integer or a pair of integers [axisOfFirst, axisOfSecond], received ${JSON.stringify(axes)}`,
      );
    }
    this.axes = typeof axes === 'number' ? axes : [axes[0], axes[1]];
    this.normalize = booleanOption('Dot', 'normalize', args.normalize, false);
    this.inputCount = [2, 2];
    this.alignRanks = false;
  }

  /** The axes resolved against the two inputs' ranks (negative counts from the end). */
  private resolvedAxes(shapes: readonly Shape[]): [number, number] {
    const pair = typeof this.axes === 'number' ? [this.axes, this.axes] : this.axes;
    const out = pair.map((a, i) => (a < 0 ? a + shapes[i].length : a)) as [number, number];
    out.forEach((a, i) => {
      if (a <= 0 || a >= shapes[i].length) {
        const why = a === 0 ? 'is the batch axis' : `is out of range for input ${i} of shape ${fmtShape(shapes[i])}`;
        throw new LayerError(`${this.title}: axis ${pair[i]} ${why}; Dot sums over an axis after the batch axis`);
      }
    });
    return out;
  }

  /** The shape of the batched dot product over the given axes. */
  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const shapes = this.inputShapes(inputShape);
    shapes.forEach((s, i) => {
      if (s.length < 2)
        throw new LayerError(
          `${this.title}: input ${i} must have a batch axis and at least one more, received shape ${fmtShape(s)}`,
        );
    });
    const [a, b] = shapes;
    if (a[0] !== null && b[0] !== null && a[0] !== b[0])
      throw new LayerError(
        `${this.title}: inputs have different batch sizes (shapes ${fmtShape(a)} and ${fmtShape(b)})`,
      );
    const [a0, a1] = this.resolvedAxes(shapes);
    if (a[a0] !== null && b[a1] !== null && a[a0] !== b[a1]) {
      throw new LayerError(
        `${this.title}: inputs have incompatible shapes ${fmtShape(a)} and ${fmtShape(b)}: axis ${a0} of the first (${a[a0]}) and axis ${a1} of the second (${b[a1]}) must have the same size`,
      );
    }
    const out = [
      a[0] ?? b[0],
      ...a.slice(1).filter((_, i) => i + 1 !== a0),
      ...b.slice(1).filter((_, i) => i + 1 !== a1),
    ];
    return out.length === 1 ? [out[0], 1] : out;
  }

  protected mergeFunction([x, y]: Tensor[]): Tensor {
    const axes = this.resolvedAxes([x.shape, y.shape]);
    const unit = (t: Tensor, axis: number) => mul(t, rsqrt(maximum(sum(square(t), axis, true), EPSILON * EPSILON)));
    return this.normalize
      ? batchDot(this.title, unit(x, axes[0]), unit(y, axes[1]), axes)
      : batchDot(this.title, x, y, axes);
  }

  override computeMask(_inputs: Tensor | Tensor[], _mask: CallOptions['mask']): null {
    return null;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axes: this.axes, normalize: this.normalize };
  }
}
