// @strata/autodiff/internal: for Strata's own packages, not for users (it may change in any release).

// Op definitions
export { stopGradientOp } from './stop-gradient';

// The registry of gradient rules, one per op
export { gradientRegistry } from './gradients';

// Writing a gradient rule
export {
  rule,
  nonDifferentiable,
  type GradientRule,
  type GradientEntry,
  type GradientRegistry,
  type RuleContext,
  type InputGradient,
} from './registry';
