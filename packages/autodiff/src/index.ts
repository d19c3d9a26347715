// @strata/autodiff: the whole public API, as named exports.
export {
  GradientTape,
  type GradientTapeOptions,
  type GradientOptions,
  type GradientsOf,
  type Sources,
  type SourceGradient,
  type Unconnected,
} from './tape';
export { grad, valueAndGrad, type GradOptions } from './grad';
export { customGradient, type CustomGradientResult } from './custom-gradient';
export type { CustomGradientFunction } from './custom-gradient-op';
export { stopGradient, stopGradientOp } from './stop-gradient';
export { gradientRegistry } from './gradients';
export {
  rule,
  nonDifferentiable,
  type GradientRule,
  type GradientEntry,
  type GradientRegistry,
  type RuleContext,
  type InputGradient,
} from './registry';
