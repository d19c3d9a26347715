import { add, cast, mul, type Shape, type Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';

export interface RescalingArgs extends LayerArgs {
  /** The factor: a number, or one per channel (broadcast against the last axis). */
  scale: number | number[];
  /** Added after scaling (default 0): a number, or one per channel. */
  offset?: number | number[];
}

function factorOption(name: string, value: unknown, fallback?: number): number | number[] {
  if (value === undefined && fallback !== undefined) return fallback;
  const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  if (finite(value)) return value as number;
  if (Array.isArray(value) && value.length > 0 && value.every(finite)) return [...value];
  throw new LayerError(
    `Rescaling: ${name} must be a finite number or a non-empty array of finite numbers (one per channel), received ${JSON.stringify(value)}`,
  );
}

/**
 * `x * scale + offset` in float32, as Keras's Rescaling: e.g. scale 1/255 maps [0, 255] pixels to [0, 1].
 *
 * Input: any shape. Output: the same shape, float32.
 *
 * @example
 * ```ts
 * const model = new Sequential([input({ shape: [28, 28, 1] }), new Rescaling({ scale: 1 / 255 }), new Flatten()]);
 * ```
 */
export class Rescaling extends Layer {
  static override className = 'Rescaling';
  /** The factor: a number, or one per channel. */
  readonly scale: number | number[];
  /** Added after scaling: a number, or one per channel. */
  readonly offset: number | number[];

  constructor(args: RescalingArgs) {
    super(args);
    this.scale = factorOption('scale', args?.scale);
    this.offset = factorOption('offset', args.offset, 0);
    this.supportsMasking = true;
  }

  override call(inputs: Tensor): Tensor {
    const x = inputs.dtype === 'float32' ? inputs : cast(inputs, 'float32');
    return add(mul(x, this.scale), this.offset);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    return inputShape as Shape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), scale: this.scale, offset: this.offset };
  }
}
