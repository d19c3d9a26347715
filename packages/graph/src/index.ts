// @strata/graph: the public API, by name. Nodes, graph building and execution, which @strata/models and
// the exporters drive, are in '@strata/graph/internal'.

// Symbolic tensors and inputs
export { SymbolicTensor, isSymbolicTensor } from './symbolic-tensor';
export { input, InputLayer, type InputOptions } from './input-layer';

// Errors
export { GraphError } from './errors';
