import { transpose, type Shape, type Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';

export interface PermuteArgs extends LayerArgs {
  /** A permutation of 1..n over the non-batch axes, 1-based as in Keras: [2, 1] swaps the first two. */
  dims: readonly number[];
}

/**
 * Permutes the non-batch axes of each sample.
 *
 * Input: [batch, ...axes]. Output: [batch, ...axes in the order of `dims`].
 *
 * @example
 * ```ts
 * const y = new Permute({ dims: [2, 1] }).apply(ones([2, 10, 64])); // shape [2, 64, 10]
 * ```
 */
export class Permute extends Layer {
  static override className = 'Permute';
  /** The permutation of the non-batch axes, 1-based. */
  readonly dims: number[];

  constructor(args: PermuteArgs) {
    super(args ?? {});
    const dims = args?.dims;
    const sorted = Array.isArray(dims) ? [...dims].sort((a, b) => a - b) : [];
    if (!Array.isArray(dims) || dims.length === 0 || !sorted.every((d, i) => d === i + 1)) {
      throw new LayerError(
        `Permute: dims must be a permutation of 1..n over the non-batch axes (1-based, as Keras), e.g. [2, 1]; received ${JSON.stringify(dims)}`,
      );
    }
    this.dims = [...dims];
    this.inputSpec = { ndim: dims.length + 1 };
  }

  override call(inputs: Tensor): Tensor {
    return transpose(inputs, [0, ...this.dims]);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const shape = inputShape as Shape;
    if (shape.length !== this.dims.length + 1)
      throw new LayerError(
        `Layer "${this.name}": dims ${fmtShape(this.dims)} need an input of rank ${this.dims.length + 1}, received shape ${fmtShape(shape)}`,
      );
    return [shape[0], ...this.dims.map((d) => shape[d])];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dims: this.dims };
  }
}
