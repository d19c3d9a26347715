import { any, concat, expandDims, logicalAnd, onesLike, tidy, type Dim, type Shape, type Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import type { CallOptions, LayerArgs, ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { integerOption } from '../normalization/option-checks';
import { Merge } from './merge';

export interface ConcatenateArgs extends LayerArgs {
  /** The axis to join the inputs along (default -1). */
  axis?: number;
}

/**
 * Joins a list of inputs along `axis`; they must match on every other axis, as Keras's Concatenate.
 *
 * Input: a list of tensors that agree on every axis but `axis`. Output: the same shape with `axis` summed.
 *
 * @example
 * ```ts
 * const y = new Concatenate({ axis: -1 }).apply([ones([2, 3]), ones([2, 5])]); // shape [2, 8]
 * ```
 */
export class Concatenate extends Merge {
  static override className = 'Concatenate';
  /** The axis the inputs are joined along. */
  readonly axis: number;

  constructor(args: ConcatenateArgs = {}) {
    super(args);
    this.axis = integerOption('Concatenate', 'axis', args.axis, -1);
    this.alignRanks = false;
  }

  protected mergeFunction(inputs: Tensor[]): Tensor {
    return concat(inputs, this.axis);
  }

  /** The inputs' shape with the concatenation axis summed (unknown if any input's is). */
  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const shapes = this.inputShapes(inputShape);
    const rank = shapes[0].length;
    const mismatch = shapes.findIndex((s) => s.length !== rank);
    if (mismatch >= 0) {
      throw new LayerError(
        `${this.title}: inputs must all have the same rank, received shapes ${fmtShape(shapes[0])} and ${fmtShape(shapes[mismatch])} (inputs 0 and ${mismatch})`,
      );
    }
    if (this.axis < -rank || this.axis >= rank) {
      throw new LayerError(
        `${this.title}: axis ${this.axis} is out of range for inputs of rank ${rank} (shape ${fmtShape(shapes[0])}); use an axis in [${-rank}, ${rank - 1}]`,
      );
    }
    const axis = this.axis < 0 ? this.axis + rank : this.axis;
    const out: Dim[] = [...shapes[0]];
    for (let d = 0; d < rank; d++) {
      const sizes = shapes.map((s) => s[d]);
      if (d === axis) {
        out[d] = sizes.some((n) => n === null) ? null : (sizes as number[]).reduce((a, b) => a + b, 0);
        continue;
      }
      const known = sizes.findIndex((n) => n !== null);
      const clash = sizes.findIndex((n) => n !== null && n !== sizes[known]);
      if (clash >= 0) {
        throw new LayerError(
          `${this.title}: inputs must match on every axis but the concatenation axis (${this.axis}), received shapes ` +
            `${fmtShape(shapes[known])} and ${fmtShape(shapes[clash])} (inputs ${known} and ${clash}), which differ on axis ${d}`,
        );
      }
      out[d] = known >= 0 ? sizes[known] : null;
    }
    return out;
  }

  /** Keras's rule: masks spread over their input's last axis, joined, then any() over the last axis. */
  override computeMask(inputs: Tensor | Tensor[], mask: CallOptions['mask']): Tensor | null {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    const masks = Array.isArray(mask) ? mask : [mask];
    if (!masks.some((m) => m)) return null;
    return tidy(() => {
      const full = list.map((x, i) => {
        const m = masks[i];
        if (!m) return onesLike(x, 'bool');
        return m.shape.length < x.shape.length ? logicalAnd(expandDims(m, -1), onesLike(x, 'bool')) : m;
      });
      return any(concat(full, this.axis), -1);
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }
}
