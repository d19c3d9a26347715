// strata: the package users install. It re-exports the public API of every Strata package and plugs
// the three backends in. Registering backends is this package's job alone (DESIGN.md §1): no other
// package changes behaviour by being imported, so a program that wants only `@strata/tensor` and
// `@strata/backend-cpu` gets exactly those.
import { registerBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';
import { webgpu } from '@strata/backend-webgpu';

export * from '@strata/tensor'; // Tensor, creation, ops (also as the `ops` namespace), memory, backends
export * from '@strata/autodiff'; // GradientTape, grad, valueAndGrad, customGradient, stopGradient
export * from '@strata/layers'; // Layer, the layer catalog, initializers, activations, regularizers, constraints
export * from '@strata/graph'; // input(), symbolic tensors, graph execution
export * from '@strata/training'; // optimizers, losses, metrics, callbacks, Dataset, the Trainer behind fit()
export * from '@strata/models'; // Model, Functional, Sequential, summary, plotModel
export * from '@strata/serialization'; // registerSerializable, modelFromJSON, cloneModel, TF.js layers and .keras files
export { exportOnnx, OnnxExportError, type OnnxExportOptions } from '@strata/onnx'; // .onnx files for ONNX Runtime
// model.predict (synchronous, @strata/models) is what users call; the Trainer's async options type stays in @strata/training.
export type { PredictOptions } from '@strata/models';
export { cpu, wasm, webgpu };

// cpu first: it is the only backend that starts synchronously, so it is the default until a program
// awaits setBackend('wasm') or setBackend('webgpu'). Those two start only when asked for.
registerBackend(cpu());
registerBackend(wasm());
registerBackend(webgpu());
