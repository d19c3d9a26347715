// @strata/onnx: the public API, by name. The protobuf decoder the tests read models back with is in
// '@strata/onnx/internal'.

// Exporting a model to .onnx
export { exportOnnx, DEFAULT_OPSET, MIN_OPSET, MAX_OPSET, type OnnxExportOptions } from './export';

// Errors
export { OnnxExportError } from './errors';

// The ops an exported graph may contain
export { OPS as exportableOps } from './ops';
