import type { Tensor } from '@strata/tensor';
import { Layer, type ShapeOrShapes } from '../../layer';

/** Returns its input unchanged (a placeholder, or a named point in a model); masks pass through. */
export class Identity extends Layer {
  static override className = 'Identity';
  override supportsMasking = true;

  override call(inputs: Tensor | Tensor[]): Tensor | Tensor[] {
    return inputs;
  }

  override computeOutputShape(inputShape: ShapeOrShapes): ShapeOrShapes {
    return inputShape;
  }
}
