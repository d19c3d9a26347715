// @strata/autodiff: the public API, by name. The gradient registry and its rules, which sibling packages
// extend, are in '@strata/autodiff/internal'.

// Recording and differentiating
export {
  GradientTape,
  type GradientTapeOptions,
  type GradientOptions,
  type GradientsOf,
  type Sources,
  type SourceGradient,
  type Unconnected,
} from './tape';

// Gradients of functions
export { grad, valueAndGrad, type GradOptions } from './grad';

// Custom gradients and stopping them
export { customGradient, type CustomGradientResult } from './custom-gradient';
export type { CustomGradientFunction } from './custom-gradient-op';
export { stopGradient } from './stop-gradient';
