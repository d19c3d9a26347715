// strata: the package users install, organised as Keras 3's `keras`: the building blocks in namespaces
// (layers, losses, metrics, optimizers, callbacks, ops, initializers, regularizers, constraints,
// activations, applications, utils), the model names and what every program needs at the top level. Names are listed,
// never star-exported: a name here is one a user may lean on (README.md, "The API").
// Registering backends is this package's job alone (DESIGN.md §1): no other package changes behaviour
// by being imported, so a program that wants only `@strata/tensor` and `@strata/backend-cpu` gets
// exactly those.
import { registerBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';
import { webgpu } from '@strata/backend-webgpu';
import { losses, metrics } from '@strata/training';
import { activations } from './namespaces/activations';
import { applications } from './namespaces/applications';
import { callbacks } from './namespaces/callbacks';
import { constraints } from './namespaces/constraints';
import { initializers } from './namespaces/initializers';
import { layers } from './namespaces/layers';
import { ops } from './namespaces/ops';
import { optimizers } from './namespaces/optimizers';
import { regularizers } from './namespaces/regularizers';
import { utils } from './namespaces/utils';

// Namespaces, as keras.layers, keras.losses, ...: `new layers.Dense({ units: 10 })`, `ops.matmul(a, b)`
export {
  layers,
  losses,
  metrics,
  optimizers,
  callbacks,
  ops,
  initializers,
  regularizers,
  constraints,
  activations,
  applications,
  utils,
};

// Models: subclassed, functional (model() or new Functional) and sequential, their inputs and options
export {
  Model,
  Functional,
  model,
  Sequential,
  type ModelArgs,
  type FunctionalArgs,
  type SequentialArgs,
  type SymbolicArg,
  type SymbolicStructure,
  type PredictInputs,
  type PredictOutputs,
  type PredictOptions,
  type SummaryOptions,
  type FunctionalConfig,
  type SequentialConfig,
} from '@strata/models';
export { input, input as Input, SymbolicTensor, isSymbolicTensor, type InputOptions } from '@strata/graph';

// The base classes a custom layer, loss, metric or optimizer extends (as keras.Layer, keras.Loss, ...)
export { Layer, Initializer, Regularizer, Constraint, type LayerArgs, type CallOptions } from '@strata/layers';
export { Loss, Metric, Optimizer } from '@strata/training';

// Training: what compile/fit/evaluate/predict take, datasets, and a custom trainStep's data
export {
  Dataset,
  type ShuffleOptions,
  type CompileConfig,
  type FitOptions,
  type EvaluateOptions,
  type BatchOptions,
  type Verbosity,
  type StepData,
  type ModelInputs,
  type ModelOutputs,
  type Targets,
  type ComputeLossArgs,
  type DataInput,
} from '@strata/training';

// Saving and loading: .keras files, weights, JSON configs, the TensorFlow.js layers format, cloning, ONNX
export {
  saveModel,
  loadModel,
  saveModelWeights,
  loadModelWeights,
  modelFromJSON,
  modelToJSON,
  modelFromConfig,
  cloneModel,
  saveTfjs,
  loadTfjs,
  tfjsArtifacts,
  modelFromTfjsArtifacts,
  modelToKerasConfig,
  modelFromKerasConfig,
  serializeObject,
  deserializeObject,
  registeredNames,
  registerSerializable,
  unregisterSerializable,
  serializeKerasObject,
  deserializeKerasObject,
  DEFAULT_LOAD_LIMITS,
  type ModelSource,
  type SaveModelOptions,
  type LoadModelOptions,
  type LoadLimits,
  type CloneOptions,
  type CustomObjects,
  type RegisterOptions,
  type JSONDialect,
  type TfjsIOHandler,
  type TfjsSaveOptions,
  type TfjsLoadOptions,
  type TfjsModelArtifacts,
  type TfjsModelJSON,
  type SaveTfjsResult,
  type WeightSpec,
  type WeightsManifestGroup,
  type KerasObject,
  type LoadOptions,
  type Serializable,
  type ObjectKind,
  type StrataModelConfig,
} from '@strata/serialization';
export { exportOnnx, type OnnxExportOptions } from '@strata/onnx';

// Tensors: creating them, random ones, variables, dtypes and shapes
export {
  Tensor,
  Variable,
  tensor,
  scalar,
  fill,
  zeros,
  ones,
  zerosLike,
  onesLike,
  eye,
  range,
  linspace,
  randomNormal,
  randomUniform,
  truncatedNormal,
  variable,
  setRandomSeed,
  type TensorLike,
  type NestedArray,
  type DType,
  type TypedArray,
  type Shape,
  type Dim,
  type Seed,
  type VariableOptions,
} from '@strata/tensor';

// Memory: scopes, disposal, accounting, profiling
export { tidy, keep, dispose, memory, profile, Profile, type MemoryInfo, type KernelProfile } from '@strata/tensor';

// Gradients: the tape, gradients of functions, custom gradients
export {
  GradientTape,
  grad,
  valueAndGrad,
  customGradient,
  stopGradient,
  type GradientTapeOptions,
  type GradientOptions,
  type GradOptions,
  type CustomGradientFunction,
} from '@strata/autodiff';

// Backends: the three Strata registers, and choosing one
export {
  setBackend,
  getBackend,
  ready,
  registeredBackends,
  registerBackend,
  type BackendFactory,
} from '@strata/tensor';
export { cpu, wasm, webgpu };
export type { WasmOptions } from '@strata/backend-wasm';
export type { WebGPUOptions } from '@strata/backend-webgpu';

// Errors: StrataError, and the class each package raises
export { StrataError } from '@strata/tensor';
export { LayerError } from '@strata/layers';
export { GraphError } from '@strata/graph';
export { TrainingError } from '@strata/training';
export { ModelError } from '@strata/models';
export { SerializationError, ModelFileError } from '@strata/serialization';
export { OnnxExportError } from '@strata/onnx';

// cpu first: it is the only backend that starts synchronously, so it is the default until a program
// awaits setBackend('wasm') or setBackend('webgpu'). Those two start only when asked for.
registerBackend(cpu());
registerBackend(wasm());
registerBackend(webgpu());
