import { Tensor, Variable } from '@strata/tensor';
import { runOpMulti } from '@strata/tensor/internal';
import type { CallOptions } from '@strata/layers';
import { maskOf } from '@strata/layers/internal';
import { GraphError } from './errors';
import { InputRef, LayerNode, decode, type Template } from './node';
import type { SymbolicTensor } from './symbolic-tensor';
import type { Graph } from './graph';

/** What flows through a graph being executed: real tensors, or symbolic ones while tracing. */
export type Value = Tensor | SymbolicTensor;

/** Options of {@link execute}. */
export interface ExecuteOptions {
  /** Passed to every layer, unless its call was recorded with an explicit `training`. */
  training?: boolean;
  /** A mask per graph input (null for none): the layers that read those inputs receive it. */
  masks?: readonly (Tensor | null)[];
}

/** The masks of a layer node's inputs argument, shaped like the argument; null if there are none. */
function masksFor(
  args: Template,
  inputs: readonly SymbolicTensor[],
  masks: Map<SymbolicTensor, Tensor | null>,
): CallOptions['mask'] {
  const one = (a: unknown): Tensor | null => (a instanceof InputRef ? (masks.get(inputs[a.index]) ?? null) : null);
  const list = Array.isArray(args) ? args.map(one) : [one(args)];
  if (!list.some((m) => m)) return undefined;
  return Array.isArray(args) ? list : list[0];
}

/**
 * Runs a graph on values for its inputs, node by node in recorded order. On tensors it computes, and
 * frees each intermediate right after its last reader (never an input, a constant, a Variable or an
 * output); on symbolic tensors it records the same calls again (how a model nested in another graph
 * is traced). Layers get `training` and the masks of their inputs.
 * @example
 * ```ts
 * const x = input({ shape: [4] });
 * const graph = new Graph(x, new Dense({ units: 2 }).apply(x));
 * const [y] = execute(graph, [ones([3, 4])]); // a Tensor of shape [3, 2]
 * ```
 */
export function execute(graph: Graph, values: readonly Value[], options: ExecuteOptions = {}): Value[] {
  if (values.length !== graph.inputs.length) {
    throw new GraphError(
      `the graph has ${graph.inputs.length} input(s) (${graph.inputs.map((x) => x.name).join(', ')}), received ${values.length}`,
    );
  }
  const env = new Map<SymbolicTensor, Value>();
  const masks = new Map<SymbolicTensor, Tensor | null>();
  graph.inputs.forEach((x, i) => {
    env.set(x, values[i]);
    masks.set(x, options.masks?.[i] ?? null);
  });
  const outputs = new Set(graph.outputs);
  // Pending reads per tensor this run made: several symbolic tensors may share one tensor object.
  const pending = new Map<Tensor, number>();
  const pinned = new Set<Tensor>();
  const notOurs = new Set<Value>(values);
  const release = (t: Tensor): void => {
    const left = (pending.get(t) ?? 0) - 1;
    pending.set(t, left);
    if (left <= 0 && !pinned.has(t)) {
      pending.delete(t);
      t.dispose();
    }
  };

  try {
    for (const node of graph.nodes) {
      const args = node.inputs.map((x) => env.get(x) as Value);
      let result: unknown;
      if (node instanceof LayerNode) {
        const inputs = decode(node.args, args);
        const callOptions = decode(node.options, args) as CallOptions;
        callOptions.training =
          node.options.training !== undefined ? (node.options.training as boolean) : options.training;
        if (!('mask' in node.options)) {
          const mask = masksFor(node.args, node.inputs, masks);
          if (mask !== undefined) callOptions.mask = mask;
        }
        result = node.layer.apply(inputs as Tensor, callOptions);
      } else {
        result = runOpMulti(node.def, decode(node.args, args) as Tensor[], node.attrs);
      }
      const outs = (Array.isArray(result) ? result : [result]) as Value[];
      if (outs.length !== node.outputs.length) {
        for (const o of outs) if (o instanceof Tensor && !notOurs.has(o) && !pending.has(o)) o.dispose();
        throw new GraphError(
          `${node.kind} "${graph.nameOf(node)}" returned ${outs.length} output(s) where its recorded call has ${node.outputs.length}`,
        );
      }
      node.outputs.forEach((x, i) => {
        const t = outs[i];
        env.set(x, t);
        if (node instanceof LayerNode) masks.set(x, t instanceof Tensor ? maskOf(t) : null);
        if (!(t instanceof Tensor) || t instanceof Variable || notOurs.has(t)) return;
        if (outputs.has(x)) pinned.add(t);
        pending.set(t, (pending.get(t) ?? 0) + (graph.uses.get(x) ?? 0));
      });
      // Outputs nothing reads (a multi-output layer's unused ones) go at once.
      for (const x of node.outputs) {
        const t = env.get(x);
        if (t instanceof Tensor && pending.get(t) === 0 && !pinned.has(t)) {
          pending.delete(t);
          t.dispose();
        }
      }
      for (const x of node.inputs) {
        const t = env.get(x);
        if (t instanceof Tensor && pending.has(t)) release(t);
      }
    }
  } catch (e) {
    for (const t of pending.keys()) t.dispose();
    for (const t of pinned) t.dispose();
    throw e;
  }
  return graph.outputs.map((x) => env.get(x) as Value);
}
