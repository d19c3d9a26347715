// @strata/backend-wasm/internal: the kernels this backend adds to tfjs-wasm's, for Strata's benchmarks
// and tests; not for users (it may change in any release).

// The public entry first: a bundler then orders the modules both entries share as the public entry
// evaluates them (esbuild's code splitting otherwise orders its shared chunk from this entry, and an
// import cycle, as the layer catalog's, can then run a subclass before its base class).
import './index';
export { wasmKernels } from './kernels';
