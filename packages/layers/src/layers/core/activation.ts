import type { Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import {
  getActivation,
  serializeActivation,
  type Activation as ActivationFn,
  type ActivationIdentifier,
} from '../../activations';

export interface ActivationArgs extends LayerArgs {
  /** A built-in name ('relu', 'gelu', ...) or a function of one tensor. */
  activation: ActivationIdentifier;
}

/**
 * Applies an activation function elementwise; masks pass through.
 *
 * Input: any shape. Output: the same shape.
 *
 * @example
 * ```ts
 * const y = new Activation({ activation: 'relu' }).apply(tensor([-1, 2])); // [0, 2]
 * ```
 */
export class Activation extends Layer {
  static override className = 'Activation';
  /** The function applied to the input. */
  readonly activation: ActivationFn;

  constructor(args: ActivationArgs) {
    super(args);
    if (args?.activation === undefined || args.activation === null) {
      throw new LayerError(
        `Activation: the activation option is required (a name such as 'relu', or a function), received ${JSON.stringify(args?.activation)}`,
      );
    }
    this.activation = getActivation(args.activation);
    this.supportsMasking = true;
  }

  override call(x: Tensor): Tensor {
    return this.activation(x);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): ShapeOrShapes {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), activation: serializeActivation(this.activation) };
  }
}
