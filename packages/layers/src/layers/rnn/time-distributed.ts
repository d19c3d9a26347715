import { reshape, type Shape, type Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type CallOptions, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import type { FromConfigOptions } from '../../layer-catalog';
import { serialize } from '../../serializable';
import { deserializeNestedLayer, resolveNested, type NestedLayer } from './nested-layers';

export interface TimeDistributedArgs extends LayerArgs {
  /** The layer applied to every timestep (or its config); its weights are shared across steps. */
  layer: NestedLayer;
}

/**
 * Applies a layer to every temporal slice of a [batch, time, ...] input (Keras's TimeDistributed).
 * Batch and time are folded into one axis, the layer runs once on [batch·time, ...], and the
 * result is unfolded: one call instead of one per step, with the same result for per-sample layers.
 *
 * Input: [batch, time, ...step shape]. Output: [batch, time, ...the layer's output shape].
 *
 * @example
 * ```ts
 * const y = new TimeDistributed({ layer: new Dense({ units: 8 }) }).apply(ones([2, 10, 16])); // shape [2, 10, 8]
 * ```
 */
export class TimeDistributed extends Layer {
  static override className = 'TimeDistributed';

  /** From a config, its nested layer resolved by `resolveLayer` (which knows registered and custom classes). */
  static override fromConfig<T extends Layer>(
    this: new (
      args: never,
    ) => T,
    config: Record<string, unknown>,
    options: FromConfigOptions = {},
  ): T {
    return new this({ ...config, layer: resolveNested(config.layer, options.resolveLayer) } as never);
  }
  /** The layer applied to every timestep. */
  readonly layer: Layer;

  constructor(args: TimeDistributedArgs) {
    super(args);
    if (args?.layer === undefined)
      throw new LayerError(
        'TimeDistributed: layer is required, e.g. new TimeDistributed({layer: new Dense({units: 8})})',
      );
    this.layer = deserializeNestedLayer('TimeDistributed', 'layer', args.layer, Layer);
    this.supportsMasking = true;
    this.inputSpec = { minNdim: 3 };
    // Without the inner layer's shape rule there is none here either: the graph then traces call().
    if (!this.layer.computeOutputShape) Object.defineProperty(this, 'computeOutputShape', { value: undefined });
  }

  /** The shape one step has when batch and time are folded together. */
  private foldedShape(shape: Shape): Shape {
    if (shape.length < 3)
      throw new LayerError(
        `TimeDistributed "${this.name}": expected an input of rank 3 or more ([batch, time, ...]), received ${fmtShape(shape)}`,
      );
    const [batch, time, ...rest] = shape;
    return [batch === null || time === null ? null : batch * time, ...rest];
  }

  override build(inputShape: ShapeOrShapes): void {
    this.layer.ensureBuilt(this.foldedShape(inputShape as Shape));
    this.built = true;
  }

  override call(x: Tensor, options: CallOptions = {}): Tensor | Tensor[] {
    const [batch, time, ...rest] = x.shape;
    if (time === null)
      throw new LayerError(
        `TimeDistributed "${this.name}": the time axis must be known, received shape ${fmtShape(x.shape)}`,
      );
    const mask = Array.isArray(options.mask) ? options.mask[0] : options.mask;
    if (mask && (mask.shape.length < 2 || mask.shape[1] !== time)) {
      throw new LayerError(
        `TimeDistributed "${this.name}": the mask must have shape [batch, ${time}, ...], received ${fmtShape(mask.shape)}`,
      );
    }
    const folded = reshape(x, [-1, ...(rest as number[])]);
    // A [batch, time] mask says which whole steps count: the wrapper passes it on (computeMask), but
    // a layer run on single steps has no use for it. A mask reaching inside the steps is folded too.
    const foldedMask = mask && mask.shape.length > 2 ? reshape(mask, [-1, ...(mask.shape.slice(2) as number[])]) : null;
    const y = this.layer.apply(folded, { training: options.training, mask: foldedMask });
    const unfold = (t: Tensor): Tensor => reshape(t, [batch ?? -1, time, ...(t.shape.slice(1) as number[])]);
    return Array.isArray(y) ? y.map(unfold) : unfold(y);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape | Shape[] {
    const shape = inputShape as Shape;
    const inner = this.layer.computeOutputShape!(this.foldedShape(shape));
    const unfold = (s: Shape): Shape => [shape[0], shape[1], ...s.slice(1)];
    return Array.isArray(inner[0]) ? (inner as Shape[]).map(unfold) : unfold(inner as Shape);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), layer: serialize(this.layer) };
  }
}
