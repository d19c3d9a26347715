import type { Dim, Shape, Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { reshapeKeepingBatch } from './reshape-utils';

export interface ReshapeArgs extends LayerArgs {
  /** The shape without the batch axis; one entry may be -1, inferred from the size. */
  targetShape: readonly number[];
}

/**
 * Reshapes each sample: [batch, ...] → [batch, ...targetShape].
 *
 * @example
 * ```ts
 * const y = new Reshape({ targetShape: [3, -1] }).apply(ones([2, 12])); // shape [2, 3, 4]
 * ```
 */
export class Reshape extends Layer {
  static override className = 'Reshape';
  /** The output shape without the batch axis (one entry may be −1). */
  readonly targetShape: number[];

  constructor(args: ReshapeArgs) {
    super(args ?? {});
    const target = args?.targetShape;
    const ok = Array.isArray(target) && target.every((d) => Number.isInteger(d) && (d > 0 || d === -1));
    if (!ok)
      throw new LayerError(
        `Reshape: targetShape must be a list of positive integers (one may be -1), received ${JSON.stringify(target)}`,
      );
    if (target.filter((d) => d === -1).length > 1)
      throw new LayerError(`Reshape: targetShape may contain at most one -1, received ${fmtShape(target)}`);
    this.targetShape = [...target];
  }

  override call(inputs: Tensor): Tensor {
    return reshapeKeepingBatch(inputs, this.computeOutputShape(inputs.shape).slice(1));
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const [batch, ...rest] = inputShape as Shape;
    return [batch, ...this.resolve(rest, inputShape as Shape)];
  }

  /** The target with its -1 resolved from the sample size (unknown when that size is). */
  private resolve(rest: readonly Dim[], full: Shape): Dim[] {
    const known = this.targetShape.filter((d) => d !== -1).reduce((p, d) => p * d, 1);
    if (rest.some((d) => d === null)) return this.targetShape.map((d) => (d === -1 ? null : d));
    const size = (rest as number[]).reduce((p, d) => p * d, 1);
    const hasUnknown = this.targetShape.includes(-1);
    if (hasUnknown ? size % known !== 0 : size !== known) {
      throw new LayerError(
        `Layer "${this.name}": cannot reshape an input of shape ${fmtShape(full)} (${size} values per sample) to targetShape ${fmtShape(this.targetShape)}` +
          `${hasUnknown ? `: ${size} is not a multiple of ${known}` : ` (${known} values)`}; the sizes must match`,
      );
    }
    return this.targetShape.map((d) => (d === -1 ? size / known : d));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), targetShape: this.targetShape };
  }
}
