import { max, mean, type Shape, type Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { standardizeBoolean, standardizeDataFormat, type DataFormat } from '../convolutional/conv-utils';
import type { PoolMode } from './base-pooling';

/** The options of the global pooling layers (Keras 3's, in camelCase). */
export interface BaseGlobalPoolingArgs extends LayerArgs {
  /** `'channels_last'` ([batch, ...spatial, channels]) or `'channels_first'`. Default: `'channels_last'`. */
  dataFormat?: DataFormat;
  /** Keep the pooled spatial axes, with size 1. */
  keepdims?: boolean;
}

/**
 * Keras's BaseGlobalPooling: the max or the mean over every spatial axis.
 *
 * @example
 * ```ts
 * // GlobalAveragePooling2D is this class with rank 2 and mode 'average':
 * class MyGlobalAveragePooling2D extends BaseGlobalPooling {
 *   static override className = 'MyGlobalAveragePooling2D';
 *   constructor(args: BaseGlobalPoolingArgs = {}) {
 *     super(2, 'average', args);
 *   }
 * }
 * ```
 */
export class BaseGlobalPooling extends Layer {
  static override className = 'BaseGlobalPooling';
  /** The number of spatial axes (1 or 2), fixed by the subclass. */
  readonly rank: number;
  /** Whether the spatial axes are reduced by their maximum or their average. */
  readonly mode: PoolMode;
  /** Where the channels axis is: last or first. */
  readonly dataFormat: DataFormat;
  /** Whether the pooled axes are kept with size 1. */
  readonly keepdims: boolean;

  constructor(rank: number, mode: PoolMode, args: BaseGlobalPoolingArgs = {}) {
    super(args ?? {});
    const name = (this.constructor as typeof Layer).className;
    if (args === null || typeof args !== 'object')
      throw new LayerError(`${name}: expected an options object, received ${JSON.stringify(args)}`);
    this.rank = rank;
    this.mode = mode;
    this.dataFormat = standardizeDataFormat(name, args.dataFormat);
    this.keepdims = standardizeBoolean(name, 'keepdims', args.keepdims, false);
    this.inputSpec = { ndim: rank + 2 };
  }

  /** The spatial axes of the input. */
  protected spatialAxes(): number[] {
    const first = this.dataFormat === 'channels_last' ? 1 : 2;
    return Array.from({ length: this.rank }, (_, i) => first + i);
  }

  override call(inputs: Tensor): Tensor {
    return (this.mode === 'max' ? max : mean)(inputs, this.spatialAxes(), this.keepdims);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const shape = inputShape as Shape;
    const spatial = new Set(this.spatialAxes());
    if (this.keepdims) return shape.map((d, i) => (spatial.has(i) ? 1 : d));
    return shape.filter((_, i) => !spatial.has(i));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dataFormat: this.dataFormat, keepdims: this.keepdims };
  }
}
