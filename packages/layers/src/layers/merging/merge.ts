import { expandDims, tidy, type Dim, type Shape, type Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type CallOptions, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { classNameOf } from '../../serializable';
import { logicalOr } from '@strata/tensor';

/**
 * The base of the layers that merge a list of inputs (Keras's Merge): subclasses write
 * `mergeFunction`. Inputs broadcast per example, NumPy style on the axes after the batch axis
 * (a lower-rank input gets axes of size 1 inserted after its batch axis); their batch sizes must agree.
 *
 * @example
 * ```ts
 * // The elementwise mean of squares of any number of inputs:
 * class MeanSquare extends Merge {
 *   static override className = 'MeanSquare';
 *   protected override mergeFunction(inputs: Tensor[]): Tensor {
 *     return div(inputs.map((x) => square(x)).reduce((a, b) => add(a, b)), inputs.length);
 *   }
 * }
 * ```
 */
export abstract class Merge extends Layer {
  /** How many inputs the layer takes: [min, max]. */
  protected inputCount: [number, number] = [1, Infinity];
  /** Whether inputs of lower rank get size-1 axes after their batch axis (elementwise merges). */
  protected alignRanks = true;

  constructor(args: LayerArgs = {}) {
    super(args);
    this.supportsMasking = true;
  }

  /** The merge itself, on inputs whose ranks were aligned: what a subclass writes. */
  protected abstract mergeFunction(inputs: Tensor[]): Tensor;

  /** `Add layer "add_1"`: how errors name the layer. */
  protected get title(): string {
    return `${classNameOf(this)} layer "${this.name}"`;
  }

  /** Checks that the layer was given a list of the right length; returns the shapes. */
  protected inputShapes(inputShape: ShapeOrShapes): Shape[] {
    const [min, max] = this.inputCount;
    const count = min === max ? `exactly ${min}` : `at least ${min}`;
    if (inputShape.length > 0 && !Array.isArray(inputShape[0])) {
      throw new LayerError(
        `${this.title} must be called on a list of ${count} inputs, received one tensor of shape ${fmtShape(inputShape as Shape)}; pass an array: layer.apply([a, b])`,
      );
    }
    const shapes = inputShape as Shape[];
    if (shapes.length < min || shapes.length > max)
      throw new LayerError(`${this.title} must be called on a list of ${count} inputs, received ${shapes.length}`);
    return shapes;
  }

  override build(inputShape: ShapeOrShapes): void {
    this.computeOutputShape(inputShape);
    this.built = true;
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    // Checked on every call, not just at build: no weights tie a merge layer to its first shapes.
    this.computeOutputShape(list.map((x) => x.shape));
    if (!this.alignRanks) return this.mergeFunction(list);
    const rank = Math.max(...list.map((x) => x.shape.length));
    const aligned = list.map((x) => {
      let y = x;
      for (let r = x.shape.length; r < rank; r++) y = expandDims(y, 1);
      return y;
    });
    return this.mergeFunction(aligned);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const shapes = this.inputShapes(inputShape);
    const batches = [...new Set(shapes.map((s) => s[0]).filter((d) => d !== null && d !== undefined))];
    if (batches.length > 1) {
      throw new LayerError(
        `${this.title}: inputs have different batch sizes (shapes ${shapes.map((s) => fmtShape(s)).join(', ')}); every input must hold the same number of examples`,
      );
    }
    let merged: Dim[] = shapes[0].slice(1);
    shapes.slice(1).forEach((shape, k) => {
      const next = broadcastPerExample(merged, shape.slice(1));
      if (!next) {
        const i = k + 1;
        const j = shapes.slice(0, i).findIndex((s) => !broadcastPerExample(s.slice(1), shape.slice(1)));
        const other = j >= 0 ? shapes[j] : [null, ...merged];
        throw new LayerError(
          `${this.title}: inputs have incompatible shapes ${fmtShape(other)} and ${fmtShape(shape)} (inputs ${j >= 0 ? j : `0-${i - 1}`} and ${i}); ` +
            'after the batch axis each axis must be equal, or 1 in one of them',
        );
      }
      merged = next;
    });
    return [batches.length === 1 ? (batches[0] as number) : null, ...merged];
  }

  /**
   * Keras 3's: the logical OR of the input masks, and no mask unless every input has one (tf.keras
   * and TensorFlow.js AND the masks present). It runs outside call()'s tidy, hence its own.
   */
  override computeMask(_inputs: Tensor | Tensor[], mask: CallOptions['mask']): Tensor | null {
    const masks = Array.isArray(mask) ? mask : [mask];
    if (masks.length === 0 || masks.some((m) => !m)) return null;
    const present = masks as Tensor[];
    return tidy(() => present.slice(1).reduce((acc, m) => logicalOr(acc, m), present[0]));
  }
}

/** NumPy broadcasting of two per-example shapes (unknown sizes match anything); null if they clash. */
function broadcastPerExample(a: readonly Dim[], b: readonly Dim[]): Dim[] | null {
  const rank = Math.max(a.length, b.length);
  const out: Dim[] = [];
  for (let i = 0; i < rank; i++) {
    const da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
    const db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
    if (da === 1) out.push(db);
    else if (db === 1) out.push(da);
    else if (da === null || db === null) out.push(da ?? db);
    else if (da === db) out.push(da);
    else return null;
  }
  return out;
}
