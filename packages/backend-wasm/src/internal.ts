// @strata/backend-wasm/internal: the kernels this backend adds to tfjs-wasm's, for Strata's benchmarks
// and tests; not for users (it may change in any release).
export { wasmKernels } from './kernels';
