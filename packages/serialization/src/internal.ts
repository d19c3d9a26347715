// @strata/serialization/internal: for Strata's own packages and tests, not for users (it may change in any
// release).

// Resolving class names
export { resolveClass } from './registry';
export { builtInClasses } from './registry-builtins';
export type { Dialect } from './config/dialect';
