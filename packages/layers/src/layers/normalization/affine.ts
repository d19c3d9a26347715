import type { Variable } from '@strata/tensor';
import type { Layer } from '../../layer';
import { weightConfig, weightSettings, type WeightArgs, type WeightSettings } from '../../weight-settings';
import { booleanOption } from './option-checks';

/**
 * The learned scale (gamma) and offset (beta) options every normalization layer shares, as Keras
 * names them; the `beta*` and `gamma*` initializers default to 'zeros' and 'ones'.
 */
export interface AffineArgs extends WeightArgs<'beta' | 'gamma'> {
  /** Add the learned offset beta (default true). */
  center?: boolean;
  /** Multiply by the learned scale gamma (default true). */
  scale?: boolean;
}

/** Parsed affine options: creates gamma and beta and serializes the options back. */
export class AffineParams {
  /** Whether the learned offset beta is added. */
  readonly center: boolean;
  /** Whether the learned scale gamma multiplies. */
  readonly scale: boolean;
  readonly betaSettings: WeightSettings;
  readonly gammaSettings: WeightSettings;

  constructor(cls: string, args: AffineArgs) {
    this.center = booleanOption(cls, 'center', args.center, true);
    this.scale = booleanOption(cls, 'scale', args.scale, true);
    this.betaSettings = weightSettings(args, 'beta', 'zeros');
    this.gammaSettings = weightSettings(args, 'gamma', 'ones');
  }

  addGamma(layer: Layer, shape: readonly number[]): Variable {
    return layer.addWeight('gamma', shape, this.gammaSettings);
  }

  addBeta(layer: Layer, shape: readonly number[]): Variable {
    return layer.addWeight('beta', shape, this.betaSettings);
  }

  /** The options in Keras's config order (center and scale come first in every layer's config). */
  initializerConfig(): Record<string, unknown> {
    return weightConfig({ beta: this.betaSettings, gamma: this.gammaSettings }, ['initializer']);
  }

  penaltyConfig(): Record<string, unknown> {
    return weightConfig({ beta: this.betaSettings, gamma: this.gammaSettings }, ['regularizer', 'constraint']);
  }
}
