// @strata/onnx: the whole public API, as named exports.
export { exportOnnx, DEFAULT_OPSET, MIN_OPSET, MAX_OPSET, type OnnxExportOptions } from './export';
export { OnnxExportError } from './errors';
export { decodeModel } from './proto/encode';
export { OPS as exportableOps } from './ops';
