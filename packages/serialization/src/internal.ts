// @strata/serialization/internal: for Strata's own packages and tests, not for users (it may change in any
// release).

// The public entry first: a bundler then orders the modules both entries share as the public entry
// evaluates them (esbuild's code splitting otherwise orders its shared chunk from this entry, and an
// import cycle, as the layer catalog's, can then run a subclass before its base class).
import './index';

// Resolving class names
export { resolveClass } from './registry';
export { builtInClasses } from './registry-builtins';
export type { Dialect } from './config/dialect';
