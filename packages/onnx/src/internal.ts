// @strata/onnx/internal: for Strata's own tests, not for users (it may change in any release).

// Reading an ONNX model back
export { decodeModel } from './proto/encode';
