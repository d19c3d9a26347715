import { getInitializer, type Initializer, type InitializerIdentifier } from '../../initializers';
import { getRegularizer, type Regularizer, type RegularizerIdentifier } from '../../regularizers';
import { getConstraint, type Constraint, type ConstraintIdentifier } from '../../constraints';
import { serialize } from '../../serializable';

/** How one weight (kernel, bias, depthwise kernel...) is initialized, penalized and constrained. */
export interface WeightSettings {
  readonly initializer: Initializer;
  readonly regularizer: Regularizer | null;
  readonly constraint: Constraint | null;
}

/** Resolves the three options of a weight, with Keras's default initializer for it. */
export function weightSettings(
  initializer: InitializerIdentifier | undefined,
  fallback: string,
  regularizer: RegularizerIdentifier | null | undefined,
  constraint: ConstraintIdentifier | null | undefined,
): WeightSettings {
  return {
    initializer: getInitializer(initializer ?? fallback),
    regularizer: regularizer ? getRegularizer(regularizer) : null,
    constraint: constraint ? getConstraint(constraint) : null,
  };
}

/** The settings as config entries named after the weight: `kernelInitializer`, `kernelRegularizer`, `kernelConstraint`. */
export function serializeWeightSettings(prefix: string, s: WeightSettings): Record<string, unknown> {
  return {
    [`${prefix}Initializer`]: serialize(s.initializer),
    [`${prefix}Regularizer`]: s.regularizer ? serialize(s.regularizer) : null,
    [`${prefix}Constraint`]: s.constraint ? serialize(s.constraint) : null,
  };
}
