import { avgPool1d, avgPool2d, maxPool1d, maxPool2d, type Shape, type Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import {
  fromChannelsLast,
  shapeFromChannelsLast,
  shapeToChannelsLast,
  standardizeDataFormat,
  standardizePadding,
  standardizeTuple,
  toChannelsLast,
  windowOutputSpatial,
  type DataFormat,
} from '../convolutional/conv-utils';

/** The options of the max and average pooling layers (Keras 3's, in camelCase). */
export interface BasePoolingArgs extends LayerArgs {
  /** The window size: one integer for every spatial axis, or one per axis. Default: 2. */
  poolSize?: number | readonly number[];
  /** Defaults to poolSize (non-overlapping windows), as in Keras. */
  strides?: number | readonly number[] | null;
  /**
   * `'valid'` (no padding: the output shrinks) or `'same'` (the output is input / strides, rounded up). Default:
   * `'valid'`.
   */
  padding?: 'valid' | 'same';
  /** `'channels_last'` ([batch, ...spatial, channels]) or `'channels_first'`. Default: `'channels_last'`. */
  dataFormat?: DataFormat;
}

/** Whether a pooling layer takes each window's maximum or its average. */
export type PoolMode = 'max' | 'average';

/**
 * Keras's BasePooling: the max or the average of each window of `poolSize` over the spatial axes.
 * With 'same' padding, average pooling leaves the padded cells out of each average (as TensorFlow).
 *
 * @example
 * ```ts
 * // MaxPooling2D is this class with rank 2, mode 'max' and a default pool size of 2:
 * class MyMaxPooling2D extends BasePooling {
 *   static override className = 'MyMaxPooling2D';
 *   constructor(args: BasePoolingArgs = {}) {
 *     super(2, 'max', 2, args);
 *   }
 * }
 * ```
 */
export class BasePooling extends Layer {
  static override className = 'BasePooling';
  /** The number of spatial axes (1 or 2), fixed by the subclass. */
  readonly rank: number;
  /** Whether windows are reduced by their maximum or their average. */
  readonly mode: PoolMode;
  /** The window size per spatial axis. */
  readonly poolSize: number[];
  /** The step between windows per spatial axis. */
  readonly strides: number[];
  /** The padding mode, `'valid'` or `'same'`. */
  readonly padding: 'valid' | 'same';
  /** Where the channels axis is: last or first. */
  readonly dataFormat: DataFormat;

  constructor(rank: number, mode: PoolMode, defaultPoolSize: number, args: BasePoolingArgs = {}) {
    super(args ?? {});
    const name = (this.constructor as typeof Layer).className;
    if (args === null || typeof args !== 'object')
      throw new LayerError(`${name}: expected an options object, received ${JSON.stringify(args)}`);
    this.rank = rank;
    this.mode = mode;
    this.poolSize = standardizeTuple(name, 'poolSize', args.poolSize ?? defaultPoolSize, rank);
    this.strides = args.strides == null ? [...this.poolSize] : standardizeTuple(name, 'strides', args.strides, rank);
    this.padding = standardizePadding(name, args.padding) as 'valid' | 'same';
    this.dataFormat = standardizeDataFormat(name, args.dataFormat);
    this.inputSpec = { ndim: rank + 2 };
  }

  override call(inputs: Tensor): Tensor {
    const x = toChannelsLast(inputs, this.dataFormat);
    const options = { strides: this.strides, padding: this.padding };
    let y: Tensor;
    if (this.rank === 1) {
      const pool = this.mode === 'max' ? maxPool1d : avgPool1d;
      y = pool(x, this.poolSize[0], { strides: this.strides[0], padding: this.padding });
    } else {
      const pool = this.mode === 'max' ? maxPool2d : avgPool2d;
      y = pool(
        x,
        this.poolSize as [number, number],
        options as { strides: [number, number]; padding: 'valid' | 'same' },
      );
    }
    return fromChannelsLast(y, this.dataFormat);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const shape = shapeToChannelsLast(inputShape as Shape, this.dataFormat);
    const spatial = windowOutputSpatial(
      this.name,
      shape,
      { kernelSize: this.poolSize, strides: this.strides, padding: this.padding },
      'poolSize',
    );
    return shapeFromChannelsLast([shape[0], ...spatial, shape[shape.length - 1]], this.dataFormat);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      poolSize: this.poolSize,
      padding: this.padding,
      strides: this.strides,
      dataFormat: this.dataFormat,
    };
  }
}
