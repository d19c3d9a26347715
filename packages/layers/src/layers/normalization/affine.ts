import type { Variable } from '@strata/tensor';
import type { Layer } from '../../layer';
import { getInitializer, type Initializer, type InitializerIdentifier } from '../../initializers';
import { getRegularizer, type Regularizer, type RegularizerIdentifier } from '../../regularizers';
import { getConstraint, type Constraint, type ConstraintIdentifier } from '../../constraints';
import { serialize } from '../../serializable';
import { booleanOption } from './option-checks';

/** The learned scale (gamma) and offset (beta) options every normalization layer shares, as Keras names them. */
export interface AffineArgs {
  /** Add the learned offset beta (default true). */
  center?: boolean;
  /** Multiply by the learned scale gamma (default true). */
  scale?: boolean;
  /** How beta starts. Default: `'zeros'`. */
  betaInitializer?: InitializerIdentifier;
  /** How gamma starts. Default: `'ones'`. */
  gammaInitializer?: InitializerIdentifier;
  /** A penalty on beta, added to the layer's losses. Default: none. */
  betaRegularizer?: RegularizerIdentifier | null;
  /** A penalty on gamma, added to the layer's losses. Default: none. */
  gammaRegularizer?: RegularizerIdentifier | null;
  /** A projection applied to beta after each optimizer step. Default: none. */
  betaConstraint?: ConstraintIdentifier | null;
  /** A projection applied to gamma after each optimizer step. Default: none. */
  gammaConstraint?: ConstraintIdentifier | null;
}

/** Parsed affine options: creates gamma and beta and serializes the options back. */
export class AffineParams {
  /** Whether the learned offset beta is added. */
  readonly center: boolean;
  /** Whether the learned scale gamma multiplies. */
  readonly scale: boolean;
  /** How beta starts. */
  readonly betaInitializer: Initializer;
  /** How gamma starts. */
  readonly gammaInitializer: Initializer;
  /** The penalty on beta, or null. */
  readonly betaRegularizer: Regularizer | null;
  /** The penalty on gamma, or null. */
  readonly gammaRegularizer: Regularizer | null;
  /** The projection applied to beta after each step, or null. */
  readonly betaConstraint: Constraint | null;
  /** The projection applied to gamma after each step, or null. */
  readonly gammaConstraint: Constraint | null;

  constructor(cls: string, args: AffineArgs) {
    this.center = booleanOption(cls, 'center', args.center, true);
    this.scale = booleanOption(cls, 'scale', args.scale, true);
    this.betaInitializer = getInitializer(args.betaInitializer ?? 'zeros');
    this.gammaInitializer = getInitializer(args.gammaInitializer ?? 'ones');
    this.betaRegularizer = args.betaRegularizer ? getRegularizer(args.betaRegularizer) : null;
    this.gammaRegularizer = args.gammaRegularizer ? getRegularizer(args.gammaRegularizer) : null;
    this.betaConstraint = args.betaConstraint ? getConstraint(args.betaConstraint) : null;
    this.gammaConstraint = args.gammaConstraint ? getConstraint(args.gammaConstraint) : null;
  }

  addGamma(layer: Layer, shape: readonly number[]): Variable {
    return layer.addWeight('gamma', shape, {
      initializer: this.gammaInitializer,
      regularizer: this.gammaRegularizer,
      constraint: this.gammaConstraint,
    });
  }

  addBeta(layer: Layer, shape: readonly number[]): Variable {
    return layer.addWeight('beta', shape, {
      initializer: this.betaInitializer,
      regularizer: this.betaRegularizer,
      constraint: this.betaConstraint,
    });
  }

  /** The options in Keras's config order (center and scale come first in every layer's config). */
  initializerConfig(): Record<string, unknown> {
    return { betaInitializer: serialize(this.betaInitializer), gammaInitializer: serialize(this.gammaInitializer) };
  }

  penaltyConfig(): Record<string, unknown> {
    return {
      betaRegularizer: this.betaRegularizer ? serialize(this.betaRegularizer) : null,
      gammaRegularizer: this.gammaRegularizer ? serialize(this.gammaRegularizer) : null,
      betaConstraint: this.betaConstraint ? serialize(this.betaConstraint) : null,
      gammaConstraint: this.gammaConstraint ? serialize(this.gammaConstraint) : null,
    };
  }
}
