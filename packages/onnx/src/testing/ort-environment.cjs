// Jest's node environment with Node's own typed array constructors: onnxruntime-node's binding makes
// its output arrays in Node's realm, and onnxruntime-common's Tensor checks them with instanceof
// against the test realm's constructors, which fails ("A float32 tensor's data must be type of
// Float32Array"). Test files that run ONNX Runtime name this environment in a docblock.
const NodeEnvironment = require('jest-environment-node').TestEnvironment;

const SHARED = [
  'Float32Array',
  'Float64Array',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'BigInt64Array',
  'Uint8Array',
  'Uint16Array',
  'Uint32Array',
  'BigUint64Array',
  'ArrayBuffer',
];

class OrtEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}

module.exports = OrtEnvironment;
