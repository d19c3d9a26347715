import type { Shape, Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { adjust, checkCrop, cropAxes, standardizeMargin, type Margin } from './reshape-utils';

export interface Cropping1DArgs extends LayerArgs {
  /** Steps removed at the start and the end: n, or [start, end] (default [1, 1]). */
  cropping?: number | readonly [number, number];
}

/**
 * Crops the steps of a sequence: [batch, steps, channels] → [batch, steps - start - end, channels].
 *
 * @example
 * ```ts
 * const y = new Cropping1D({ cropping: [1, 2] }).apply(ones([2, 10, 3])); // shape [2, 7, 3]
 * ```
 */
export class Cropping1D extends Layer {
  static override className = 'Cropping1D';
  /** The steps removed at the start and the end. */
  readonly cropping: Margin;

  constructor(args: Cropping1DArgs = {}) {
    super(args ?? {});
    this.cropping = standardizeMargin('Cropping1D', 'cropping', args?.cropping ?? 1);
    this.inputSpec = { ndim: 3 };
  }

  override call(inputs: Tensor): Tensor {
    const margins = new Map([[1, this.cropping]]);
    checkCrop(this.name, inputs.shape, margins);
    return cropAxes(inputs, margins);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const shape = inputShape as Shape;
    checkCrop(this.name, shape, new Map([[1, this.cropping]]));
    return [shape[0], adjust(shape[1], this.cropping, -1), shape[2]];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), cropping: this.cropping };
  }
}
