import {
  add,
  batchNorm,
  cast,
  div,
  expandDims,
  mul,
  reshape,
  square,
  sub,
  sum,
  type Shape,
  type Tensor,
  type Variable,
} from '@strata/tensor';
import { fmtShape, isSymbolic } from '@strata/tensor/internal';
import { Layer, type CallOptions, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import type { InitializerIdentifier } from '../../initializers';
import { initializerOnly, weightConfig, type WeightSettings } from '../../weight-settings';
import { AffineParams, type AffineArgs } from './affine';
import { moments } from './moments';
import { booleanOption, integerOption, numberOption, resolveAxes } from './option-checks';

export interface BatchNormalizationArgs extends LayerArgs, AffineArgs {
  /** The features axis, normalized per index (default -1; 1 after a channels-first convolution). */
  axis?: number;
  /** Weight of the old value in the moving averages (default 0.99). */
  momentum?: number;
  /** Added to the variance before the square root (default 1e-3). */
  epsilon?: number;
  /** How the moving mean starts. Default: `'zeros'`. */
  movingMeanInitializer?: InitializerIdentifier;
  /** How the moving variance starts. Default: `'ones'`. */
  movingVarianceInitializer?: InitializerIdentifier;
  /** Cross-replica statistics: Strata trains on one device, so only false is accepted. */
  synchronized?: boolean;
}

// Keras's backend.epsilon(), which its masked moments add to the count of unmasked values.
const MASKED_COUNT_EPSILON = 1e-7;

/**
 * Normalizes each feature with the batch's statistics in training and with their moving averages in
 * inference: `gamma * (x - mean) / sqrt(var + epsilon) + beta`. Training calls update
 * `moving = moving * momentum + batch * (1 - momentum)`. A frozen layer (`trainable = false`) always
 * runs in inference mode, as in Keras 3, so fine-tuning does not disturb its statistics.
 *
 * Input: any shape with the `axis` size known. Output: the same shape. Weights: `gamma`, `beta` (trainable),
 * `moving_mean`, `moving_variance` (not trainable), each [features].
 *
 * @example
 * ```ts
 * const model = new Sequential([
 *   input({ shape: [28, 28, 1] }),
 *   new Conv2D({ filters: 16, kernelSize: 3, useBias: false }),
 *   new BatchNormalization(),
 *   new ReLU(),
 * ]);
 * ```
 */
export class BatchNormalization extends Layer {
  static override className = 'BatchNormalization';
  /** The features axis, normalized per index. */
  readonly axis: number;
  /** The weight of the old value in the moving averages. */
  readonly momentum: number;
  /** Added to the variance before the square root. */
  readonly epsilon: number;
  /** The learned scale (gamma) and offset (beta) settings. */
  readonly affine: AffineParams;
  /** How the moving mean starts (an initializer only: it is not trained). */
  readonly movingMeanSettings: WeightSettings;
  /** How the moving variance starts (an initializer only). */
  readonly movingVarianceSettings: WeightSettings;
  /** The learned scale [features], or null when `scale` is false; created by build(). */
  gamma: Variable | null = null;
  /** The learned offset [features], or null when `center` is false; created by build(). */
  beta: Variable | null = null;
  /** The moving average of the batch means [features] (non-trainable), used in inference. */
  movingMean!: Variable;
  /** The moving average of the batch variances [features] (non-trainable), used in inference. */
  movingVariance!: Variable;
  private featureAxis = -1;
  private reductionAxes: number[] = [];

  constructor(args: BatchNormalizationArgs = {}) {
    super(args);
    const cls = 'BatchNormalization';
    this.axis = integerOption(cls, 'axis', args.axis, -1);
    this.momentum = numberOption(cls, 'momentum', args.momentum, 0.99, { min: 0, max: 1 });
    this.epsilon = numberOption(cls, 'epsilon', args.epsilon, 1e-3, { min: 0 });
    if (booleanOption(cls, 'synchronized', args.synchronized, false)) {
      throw new LayerError(
        `${cls}: synchronized=true (statistics shared across replicas) is not supported: Strata trains on one device, where the batch statistics are already global; leave synchronized false`,
      );
    }
    this.affine = new AffineParams(cls, args);
    this.movingMeanSettings = initializerOnly(args.movingMeanInitializer ?? 'zeros');
    this.movingVarianceSettings = initializerOnly(args.movingVarianceInitializer ?? 'ones');
    this.supportsMasking = true;
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = inputShape as Shape;
    [this.featureAxis] = resolveAxes(`Layer "${this.name}"`, this.axis, shape);
    const dim = shape[this.featureAxis];
    if (dim === null)
      throw new LayerError(
        `Layer "${this.name}": axis ${this.axis} of the input must be known to build BatchNormalization, received shape ${fmtShape(shape)}`,
      );
    if (this.affine.scale) this.gamma = this.affine.addGamma(this, [dim]);
    if (this.affine.center) this.beta = this.affine.addBeta(this, [dim]);
    this.movingMean = this.addWeight('moving_mean', [dim], { ...this.movingMeanSettings, trainable: false });
    this.movingVariance = this.addWeight('moving_variance', [dim], {
      ...this.movingVarianceSettings,
      trainable: false,
    });
    this.reductionAxes = shape.map((_, i) => i).filter((i) => i !== this.featureAxis);
    this.inputSpec = { ndim: shape.length, axes: { [this.axis]: dim } };
    this.built = true;
  }

  override call(x: Tensor, options: CallOptions = {}): Tensor {
    const mask = (options.mask ?? null) as Tensor | null;
    let mean: Tensor = this.movingMean;
    let variance: Tensor = this.movingVariance;
    if (options.training && this.trainable) {
      [mean, variance] = mask ? this.maskedMoments(x, mask) : moments(x, this.reductionAxes, false);
      // A symbolic trace computes shapes only: the moving statistics change on real batches alone.
      if (!isSymbolic(mean)) {
        const keep = this.momentum;
        this.movingMean.assign(add(mul(this.movingMean, keep), mul(mean, 1 - keep)));
        this.movingVariance.assign(add(mul(this.movingVariance, keep), mul(variance, 1 - keep)));
      }
    }
    const asParam = (p: Tensor | null) =>
      p && this.featureAxis !== x.shape.length - 1 ? reshape(p, this.paramShape(x.shape)) : p;
    return batchNorm(x, asParam(mean)!, asParam(variance)!, asParam(this.beta), asParam(this.gamma), this.epsilon);
  }

  /** Keras's masked moments: masked positions (mask shaped as the input without its last axis) are left out. */
  private maskedMoments(x: Tensor, mask: Tensor): [Tensor, Tensor] {
    if (mask.shape.length !== x.shape.length - 1) {
      throw new LayerError(
        `Layer "${this.name}": the mask must have one axis fewer than the inputs, received mask shape ${fmtShape(mask.shape)} for inputs of shape ${fmtShape(x.shape)}`,
      );
    }
    const weights = expandDims(cast(mask, 'float32'), -1);
    const weighted = mul(weights, x);
    const count = add(sum(weights, this.reductionAxes, true), MASKED_COUNT_EPSILON);
    const mean = div(sum(weighted, this.reductionAxes, true), count);
    const variance = div(sum(mul(weights, square(sub(weighted, mean))), this.reductionAxes, true), count);
    const channels = [x.shape[this.featureAxis] as number];
    return [reshape(mean, channels), reshape(variance, channels)];
  }

  private paramShape(shape: Shape): number[] {
    return shape.map((d, i) => (i === this.featureAxis ? (d as number) : 1));
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    return inputShape as Shape;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      axis: this.axis,
      momentum: this.momentum,
      epsilon: this.epsilon,
      center: this.affine.center,
      scale: this.affine.scale,
      ...this.affine.initializerConfig(),
      ...weightConfig({ movingMean: this.movingMeanSettings, movingVariance: this.movingVarianceSettings }, [
        'initializer',
      ]),
      ...this.affine.penaltyConfig(),
      synchronized: false,
    };
  }
}
