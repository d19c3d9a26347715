import type { Shape, Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { positiveInteger } from '../convolutional/conv-utils';
import { repeatAlong } from './reshape-utils';

export interface UpSampling1DArgs extends LayerArgs {
  /** How many times each step is repeated (default 2). */
  size?: number;
}

/**
 * Repeats each step of a sequence `size` times: [batch, steps, channels] → [batch, steps * size, channels].
 *
 * @example
 * ```ts
 * const y = new UpSampling1D({ size: 2 }).apply(tensor([[[1], [2]]])); // [[[1], [1], [2], [2]]]
 * ```
 */
export class UpSampling1D extends Layer {
  static override className = 'UpSampling1D';
  /** How many times each step is repeated. */
  readonly size: number;

  constructor(args: UpSampling1DArgs = {}) {
    super(args ?? {});
    this.size = positiveInteger('UpSampling1D', 'size', args?.size ?? 2);
    this.inputSpec = { ndim: 3 };
  }

  override call(inputs: Tensor): Tensor {
    return repeatAlong(inputs, 1, this.size);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const [batch, steps, channels] = inputShape as Shape;
    return [batch, steps === null ? null : steps * this.size, channels];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), size: this.size };
  }
}
