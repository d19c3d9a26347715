// @strata/autodiff/internal: for Strata's own packages, not for users (it may change in any release).

// The public entry first: a bundler then orders the modules both entries share as the public entry
// evaluates them (esbuild's code splitting otherwise orders its shared chunk from this entry, and an
// import cycle, as the layer catalog's, can then run a subclass before its base class).
import './index';

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
