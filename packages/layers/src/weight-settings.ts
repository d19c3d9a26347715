import { getInitializer, type Initializer, type InitializerIdentifier } from './initializers';
import { getRegularizer, type Regularizer, type RegularizerIdentifier } from './regularizers';
import { getConstraint, type Constraint, type ConstraintIdentifier } from './constraints';
import { serialize } from './serializable';

/**
 * How one weight (kernel, bias, gamma, embeddings...) is initialized, penalized and constrained.
 * Its fields are those of `addWeight`'s options, so `addWeight(name, shape, settings)` takes it.
 */
export interface WeightSettings {
  readonly initializer: Initializer;
  readonly regularizer: Regularizer | null;
  readonly constraint: Constraint | null;
}

/** The three options of the weights named `P` (`kernelInitializer`, `kernelRegularizer`, ...), as Keras names them. */
export type WeightArgs<P extends string> = { [K in P as `${K}Initializer`]?: InitializerIdentifier } & {
  [K in P as `${K}Regularizer`]?: RegularizerIdentifier | null;
} & { [K in P as `${K}Constraint`]?: ConstraintIdentifier | null };

/** Resolves `args[prefix + 'Initializer' | 'Regularizer' | 'Constraint']`, with Keras's default initializer. */
export function weightSettings<P extends string>(
  args: WeightArgs<P>,
  prefix: P,
  defaultInitializer: InitializerIdentifier,
): WeightSettings {
  const options = args as Record<string, unknown>;
  const initializer = options[`${prefix}Initializer`] as InitializerIdentifier | undefined;
  const regularizer = options[`${prefix}Regularizer`] as RegularizerIdentifier | null | undefined;
  const constraint = options[`${prefix}Constraint`] as ConstraintIdentifier | null | undefined;
  return {
    initializer: getInitializer(initializer ?? defaultInitializer),
    regularizer: regularizer ? getRegularizer(regularizer) : null,
    constraint: constraint ? getConstraint(constraint) : null,
  };
}

/** An initializer-only weight (Keras gives moving statistics no regularizer or constraint). */
export function initializerOnly(initializer: InitializerIdentifier): WeightSettings {
  return { initializer: getInitializer(initializer), regularizer: null, constraint: null };
}

export type WeightSettingPart = 'initializer' | 'regularizer' | 'constraint';

const SUFFIX: Record<WeightSettingPart, string> = {
  initializer: 'Initializer',
  regularizer: 'Regularizer',
  constraint: 'Constraint',
};

/**
 * The config entries of weights keyed by their prefix, in Keras's `get_config` order: every
 * initializer, then every regularizer, then every constraint (`{kernel, bias}` gives
 * kernelInitializer, biasInitializer, kernelRegularizer, ...). `parts` picks which of the three.
 */
export function weightConfig(
  weights: Record<string, WeightSettings>,
  parts: readonly WeightSettingPart[] = ['initializer', 'regularizer', 'constraint'],
): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [prefix, settings] of Object.entries(weights)) {
      const value = settings[part];
      config[`${prefix}${SUFFIX[part]}`] = value ? serialize(value) : null;
    }
  }
  return config;
}
