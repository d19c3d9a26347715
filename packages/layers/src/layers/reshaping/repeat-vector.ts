import { expandDims, tile, type Shape, type Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { positiveInteger } from '../convolutional/conv-utils';

export interface RepeatVectorArgs extends LayerArgs {
  /** How many times to repeat. */
  n: number;
}

/**
 * Repeats each input vector n times: [batch, features] → [batch, n, features].
 *
 * @example
 * ```ts
 * const y = new RepeatVector({ n: 3 }).apply(tensor([[1, 2]])); // [[[1, 2], [1, 2], [1, 2]]]
 * ```
 */
export class RepeatVector extends Layer {
  static override className = 'RepeatVector';
  /** How many times the input is repeated. */
  readonly n: number;

  constructor(args: RepeatVectorArgs) {
    super(args ?? {});
    this.n = positiveInteger('RepeatVector', 'n', args?.n);
    this.inputSpec = { ndim: 2 };
  }

  override call(inputs: Tensor): Tensor {
    return tile(expandDims(inputs, 1), [1, this.n, 1]);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const [batch, features] = inputShape as Shape;
    return [batch, this.n, features];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), n: this.n };
  }
}
