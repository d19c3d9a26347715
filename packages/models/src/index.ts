// @strata/models: the whole public API, as named exports.
export { Model, type ModelArgs } from './model';
export { Functional, model, type FunctionalArgs, type SymbolicArg } from './functional';
export { Sequential, type SequentialArgs } from './sequential';
export { type PredictInputs, type PredictOptions } from './predict';
export { summaryLines, formatShape, readableSize, type SummaryOptions } from './summary';
export { plotModel, modelToDot, dotToSvg, svgToPng, type PlotOptions, type DotOptions, type PlotFormat } from './plot';
export { ModelError } from './errors';
