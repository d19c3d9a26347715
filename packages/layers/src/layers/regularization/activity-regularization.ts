import { clone, type Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { L1L2 } from '../../regularizers';
import { checkNumber } from '../core/option-checks';

/** The options of {@link ActivityRegularization}: the base layer's but `activityRegularizer`, which the layer sets. */
export interface ActivityRegularizationArgs extends Omit<LayerArgs, 'activityRegularizer'> {
  /** Weight of sum(|x|) in the added loss. */
  l1?: number;
  /** Weight of sum(x²) in the added loss. */
  l2?: number;
}

/**
 * Passes its input through and adds `l1 * sum(|x|) + l2 * sum(x²)` of it to the layer's losses
 * (through the base layer's activity regularizer, which calls addLoss on each call).
 *
 * Input: any shape. Output: the same tensor.
 *
 * @example
 * ```ts
 * const layer = new ActivityRegularization({ l1: 0.01 });
 * layer.apply(tensor([[1, -2]])); // layer.losses: [0.03]
 * ```
 */
export class ActivityRegularization extends Layer {
  static override className = 'ActivityRegularization';
  /** The weight of sum(|x|) in the added loss. */
  readonly l1: number;
  /** The weight of sum(x²) in the added loss. */
  readonly l2: number;

  constructor(args: ActivityRegularizationArgs = {}) {
    const l1 = checkNumber('ActivityRegularization', 'l1', args.l1, 0, { min: 0 });
    const l2 = checkNumber('ActivityRegularization', 'l2', args.l2, 0, { min: 0 });
    super({ ...args, activityRegularizer: new L1L2({ l1, l2 }) });
    this.l1 = l1;
    this.l2 = l2;
    this.supportsMasking = true;
  }

  override call(x: Tensor): Tensor {
    return clone(x);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): ShapeOrShapes {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    // The regularizer is this layer's own l1/l2, not a separate option.
    const { activityRegularizer: _own, ...config } = super.getConfig();
    return { ...config, l1: this.l1, l2: this.l2 };
  }
}
