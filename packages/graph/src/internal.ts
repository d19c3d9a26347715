// @strata/graph/internal: for Strata's own packages (models, serialization, onnx), not for users (it may
// change in any release).

// The public entry first: a bundler then orders the modules both entries share as the public entry
// evaluates them (esbuild's code splitting otherwise orders its shared chunk from this entry, and an
// import cycle, as the layer catalog's, can then run a subclass before its base class).
import './index';

// Nodes: what a symbolic tensor was made by
export { Node, InputNode, LayerNode, OpNode, InputRef, type Template } from './node';

// Graphs: the nodes between inputs and outputs, in order
export { Graph, type ComputeNode } from './graph';

// Running a graph
export { execute, type ExecuteOptions, type Value } from './execute';

// Recording nodes
export { collectNodes, scratch, tracing } from './collect';
export { placeholder } from './record';

// Who holds a graph (and frees its constants)
export { holdGraph, releaseGraph, holdersOf } from './ownership';

// Naming values and layers in messages
export { describeValue, describeLayer } from './describe';
