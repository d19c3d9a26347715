import { clone, type Tensor } from '@strata/tensor';
import { Layer, type ShapeOrShapes } from '../../layer';

/**
 * Returns its inputs unchanged (a placeholder, or a named point in a model); masks pass through.
 *
 * Input: any shape. Output: the same tensor.
 *
 * @example
 * ```ts
 * const y = new Identity().apply(ones([2, 3])); // shape [2, 3]
 * ```
 */
export class Identity extends Layer {
  static override className = 'Identity';
  override supportsMasking = true;

  // A new handle on the same values: the output is the caller's to dispose, apart from the input.
  override call(inputs: Tensor | Tensor[]): Tensor | Tensor[] {
    return Array.isArray(inputs) ? inputs.map((x) => clone(x)) : clone(inputs);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): ShapeOrShapes {
    return inputShape;
  }
}
