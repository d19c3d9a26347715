// @strata/graph: the whole public API, as named exports.
export { SymbolicTensor, isSymbolicTensor } from './symbolic-tensor';
export { input, InputLayer, type InputOptions } from './input-layer';
export { Node, InputNode, LayerNode, OpNode, InputRef, type Template } from './node';
export { Graph, type ComputeNode } from './graph';
export { execute, type ExecuteOptions, type Value } from './execute';
export { collectNodes, scratch, tracing } from './collect';
export { placeholder } from './record';
export { holdGraph, releaseGraph, holdersOf } from './ownership';
export { GraphError } from './errors';
export { describeValue, describeLayer } from './describe';
