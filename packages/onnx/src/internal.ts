// @strata/onnx/internal: for Strata's own tests, not for users (it may change in any release).

// The public entry first: a bundler then orders the modules both entries share as the public entry
// evaluates them (esbuild's code splitting otherwise orders its shared chunk from this entry, and an
// import cycle, as the layer catalog's, can then run a subclass before its base class).
import './index';

// Reading an ONNX model back
export { decodeModel } from './proto/encode';
