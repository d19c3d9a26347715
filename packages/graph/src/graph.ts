import type { Layer } from '@strata/layers';
import { classNameOf } from '@strata/layers/internal';
import { fmtShape } from '@strata/tensor/internal';
import { GraphError } from './errors';
import { InputNode, LayerNode, type OpNode, type Node } from './node';
import { SymbolicTensor } from './symbolic-tensor';
import { describeLayer, describeValue } from './describe';

/** A node that computes something when a graph runs: a layer call or an op. */
export type ComputeNode = LayerNode | OpNode;

function asSymbolicList(what: string, owner: string, xs: unknown): SymbolicTensor[] {
  const list = Array.isArray(xs) ? xs : [xs];
  if (list.length === 0) throw new GraphError(`${owner}: ${what} must not be empty`);
  return list.map((x, i) => {
    if (!(x instanceof SymbolicTensor)) {
      const got = x === null ? 'null' : typeof x === 'object' ? (x.constructor?.name ?? 'object') : typeof x;
      throw new GraphError(
        `${owner}: ${what}[${i}] must be a symbolic tensor (from input(), or a layer or op applied to one), received ${got}`,
      );
    }
    return x;
  });
}

/** Keras's "Graph disconnected", naming the missing input, who needs it, and the layers reached without issue. */
function disconnected(
  owner: string,
  inputs: readonly SymbolicTensor[],
  missing: [SymbolicTensor, string][],
  reached: readonly ComputeNode[],
): GraphError {
  const [t, reader] = missing[0];
  const names = inputs.map((x) => `"${x.name}"`).join(', ');
  const others =
    missing.length > 1
      ? ` (and ${missing
          .slice(1)
          .map(([x]) => `"${x.name}"`)
          .join(', ')})`
      : '';
  const seen = reached.map((n) => (n instanceof LayerNode ? `"${n.layer.name}"` : `op "${n.label}"`));
  return new GraphError(
    `Graph disconnected: cannot obtain the value of ${describeValue(t)}${others}, needed by ${reader}: it is not one of the inputs of ${owner} (${names}). ` +
      `Add it to inputs, or take outputs that do not depend on it. Reached from the outputs: ${[...new Set(seen)].join(', ')}`,
  );
}

/**
 * The part of a recorded graph that leads from `inputs` to `outputs`: found by walking back from the
 * outputs and stopping at the inputs, which may be any tensors of the graph (an intermediate tensor
 * cuts the graph there). Knows its nodes in execution order, its layers, and how often each tensor is
 * read, so `execute` can free every intermediate right after its last reader.
 * @example
 * ```ts
 * const x = input({ shape: [4] });
 * const y = relu(new Dense({ units: 2 }).apply(x) as SymbolicTensor);
 * const graph = new Graph(x, y);
 * graph.layers.map((l) => l.name); // ['input_layer', 'dense'] in a fresh program
 * ```
 */
export class Graph {
  /** The tensors values are given for, in order. */
  readonly inputs: readonly SymbolicTensor[];
  /** The tensors computed, in order. */
  readonly outputs: readonly SymbolicTensor[];
  /** Layer and op nodes in execution order. */
  readonly nodes: readonly ComputeNode[];
  /** Every layer, once: the InputLayers of the inputs first, then in execution order. */
  readonly layers: readonly Layer[];
  /** How many nodes read each tensor. */
  readonly uses: ReadonlyMap<SymbolicTensor, number>;
  readonly #names = new Map<Node, string>();
  readonly #inputNames = new Map<SymbolicTensor, string>();

  /** `owner` names the model in messages. */
  constructor(inputs: unknown, outputs: unknown, owner = 'Functional') {
    this.inputs = asSymbolicList('inputs', owner, inputs);
    this.outputs = asSymbolicList('outputs', owner, outputs);
    this.inputs.forEach((x, i) => {
      const j = this.inputs.indexOf(x);
      if (j !== i)
        throw new GraphError(
          `${owner}: the same tensor is given twice as an input, at positions ${j} and ${i} (${describeValue(x)})`,
        );
    });

    const inputSet = new Set(this.inputs);
    const found = new Set<ComputeNode>();
    const visited = new Set<SymbolicTensor>();
    // An explicit stack rather than recursion: a traced model can chain thousands of op nodes.
    const pending: [SymbolicTensor, string][] = this.outputs.map((t, i) => [t, `output ${i}`]);
    const missing: [SymbolicTensor, string][] = [];
    while (pending.length > 0) {
      const [t, reader] = pending.pop()!;
      if (visited.has(t)) continue;
      visited.add(t);
      if (inputSet.has(t)) continue;
      const node = t.node;
      if (node instanceof InputNode) {
        missing.push([t, reader]);
        continue;
      }
      const n = node as ComputeNode;
      if (found.has(n)) continue;
      found.add(n);
      const by = n instanceof LayerNode ? describeLayer(n.layer) : `op "${n.label}"`;
      for (const x of n.inputs) pending.push([x, by]);
    }
    this.nodes = [...found].sort((a, b) => a.id - b.id);
    if (missing.length > 0) throw disconnected(owner, this.inputs, missing, this.nodes);

    const uses = new Map<SymbolicTensor, number>();
    for (const n of this.nodes) for (const x of n.inputs) uses.set(x, (uses.get(x) ?? 0) + 1);
    this.uses = uses;

    const layers: Layer[] = [];
    for (const x of this.inputs) if (x.node instanceof InputNode && x.node.layer) layers.push(x.node.layer);
    for (const n of this.nodes) if (n instanceof LayerNode && !layers.includes(n.layer)) layers.push(n.layer);
    this.layers = layers;

    const counts = new Map<string, Layer[]>();
    for (const l of layers) counts.set(l.name, [...(counts.get(l.name) ?? []), l]);
    for (const [name, same] of counts) {
      if (same.length > 1) {
        throw new GraphError(
          `${owner}: the name "${name}" is used ${same.length} times in the model (${same.map((l) => classNameOf(l)).join(', ')}); ` +
            `layer names must be unique within a model: give one of them another name`,
        );
      }
    }
    this.#nameNodes(counts);
  }

  // Op nodes are named per graph: `add`, `add_1`, ... skipping the names of the graph's layers.
  #nameNodes(taken: Map<string, unknown>): void {
    const used = new Set(taken.keys());
    const named = (base: string): string => {
      let name = base;
      for (let k = 1; used.has(name); k++) name = `${base}_${k}`;
      used.add(name);
      return name;
    };
    for (const x of this.inputs)
      this.#inputNames.set(x, x.node instanceof InputNode ? (x.node.layer?.name ?? named('input')) : named(x.name));
    for (const n of this.nodes) this.#names.set(n, n instanceof LayerNode ? n.layer.name : named(n.def.name));
  }

  /** The name a node goes by in this graph (summaries, plots, `outputOf`). */
  nameOf(node: Node): string {
    return this.#names.get(node) ?? node.label;
  }

  /** The name an input of this graph goes by: its InputLayer's, or its producer's for a cut. */
  inputName(t: SymbolicTensor): string {
    return this.#inputNames.get(t) ?? t.name;
  }

  /** The nodes of `layer` in this graph, in the order they were recorded (Keras's node index). */
  nodesOf(layer: Layer): LayerNode[] {
    return this.nodes.filter((n): n is LayerNode => n instanceof LayerNode && n.layer === layer);
  }

  /** A layer of the graph by name, or undefined. */
  findLayer(name: string): Layer | undefined {
    return this.layers.find((l) => l.name === name);
  }

  /**
   * The symbolic output of a layer or op node of this graph, by name: what a new model is cut at.
   * `nodeIndex` picks among the calls of a shared layer; `outputIndex` among a node's outputs.
   */
  outputOf(name: string, nodeIndex = 0, outputIndex?: number): SymbolicTensor {
    const input = this.inputs.find((x) => this.inputName(x) === name);
    const nodes: Node[] = input ? [input.node] : this.nodes.filter((n) => this.nameOf(n) === name);
    if (nodes.length === 0) {
      const names = [...this.inputs.map((x) => this.inputName(x)), ...this.nodes.map((n) => this.nameOf(n))];
      throw new GraphError(`No layer or op named "${name}" in this graph; it has: ${names.join(', ')}`);
    }
    if (!Number.isInteger(nodeIndex) || nodeIndex < 0 || nodeIndex >= nodes.length) {
      throw new GraphError(
        `"${name}" is called ${nodes.length} time(s) in this graph; nodeIndex must be in [0, ${nodes.length - 1}], received ${nodeIndex}`,
      );
    }
    if (input) return input;
    const outs = nodes[nodeIndex].outputs;
    if (outputIndex === undefined) {
      if (outs.length !== 1) throw new GraphError(`"${name}" has ${outs.length} outputs; pick one with outputIndex`);
      return outs[0];
    }
    if (!Number.isInteger(outputIndex) || outputIndex < 0 || outputIndex >= outs.length) {
      throw new GraphError(
        `"${name}" has ${outs.length} output(s); outputIndex must be in [0, ${outs.length - 1}], received ${outputIndex}`,
      );
    }
    return outs[outputIndex];
  }

  /** The input tensors of a node of this graph, by name (see outputOf). */
  inputOf(name: string, nodeIndex = 0): readonly SymbolicTensor[] {
    const nodes = this.nodes.filter((n) => this.nameOf(n) === name);
    if (nodes.length === 0) throw new GraphError(`No layer or op named "${name}" in this graph`);
    if (nodeIndex < 0 || nodeIndex >= nodes.length)
      throw new GraphError(
        `"${name}" is called ${nodes.length} time(s) in this graph, received nodeIndex ${nodeIndex}`,
      );
    return nodes[nodeIndex].inputs;
  }

  /** Where a tensor of this graph comes from in Keras's notation: `dense[0][0]` (name, node index, output index). */
  sourceOf(t: SymbolicTensor): string {
    const node = t.node;
    const name = this.nameOf(node);
    const nodeIndex = node instanceof LayerNode ? this.nodesOf(node.layer).indexOf(node) : 0;
    return `${name}[${Math.max(nodeIndex, 0)}][${t.index}]`;
  }

  /** `Graph(inputs=[[null,784]], outputs=[[null,10]], nodes=2)`. */
  toString(): string {
    return `Graph(inputs=[${this.inputs.map((x) => fmtShape(x.shape)).join(', ')}], outputs=[${this.outputs.map((x) => fmtShape(x.shape)).join(', ')}], nodes=${this.nodes.length})`;
  }
}
