// @strata/models: the public API, by name. Graph configs and the summary/plot helpers serialization and
// the exporters share are in '@strata/models/internal'.

// Models: subclassed, functional, sequential, and what predict takes
export { Model, type ModelArgs } from './model';
export { Functional, model, type FunctionalArgs, type SymbolicArg, type SymbolicStructure } from './functional';
export { Sequential, type SequentialArgs } from './sequential';
export type { PredictInputs, PredictOutputs } from './predict';
export type { PredictOptions } from '@strata/training';

// Summaries and plots
export type { SummaryOptions } from './summary';
export { plotModel, modelToDot, type PlotOptions, type DotOptions, type PlotFormat } from './plot';

// Configs of Functional and Sequential models
export type { FunctionalConfig, SequentialConfig } from './config';

// Application architectures (keras.applications), built here with Keras's layer names
export { mobileNetV2, resNet50, type MobileNetV2Args, type ApplicationArgs } from './applications';

// Errors
export { ModelError } from './errors';
