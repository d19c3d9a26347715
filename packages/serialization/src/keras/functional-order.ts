import type { Layer } from '@strata/layers';
import type { SymbolicTensor } from '@strata/graph';
import { InputNode, LayerNode, type Graph, type Node } from '@strata/graph/internal';

/**
 * A Functional model's layers in the order Keras 3 lists them (`ops/function.py`'s `map_graph`):
 * by depth from the outputs, deepest (the inputs) first, and within a depth in the order a
 * depth-first walk from the outputs first reaches them. Keras names the weights of layers in a list
 * by their position among layers of the same class, so this order decides which Dense is `dense`
 * and which is `dense_1` in a saved file.
 */
export function kerasFunctionalLayers(graph: Graph): Layer[] {
  // An "operation" is a layer (shared layers have several nodes) or a single op call.
  const operationOf = (node: Node): unknown =>
    node instanceof LayerNode ? node.layer : node instanceof InputNode ? (node.layer ?? node) : node;
  const inputs = new Set<SymbolicTensor>(graph.inputs);
  const finished = new Set<Node>();
  const ordered: Node[] = [];
  const indices = new Map<unknown, number>();

  // Keras's _build_map_helper, with an explicit stack: a traced model can chain thousands of nodes.
  for (const output of graph.outputs) {
    const stack: { tensor: SymbolicTensor; next: number }[] = [{ tensor: output, next: -1 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const node = top.tensor.node;
      if (top.next === -1) {
        if (finished.has(node) || (inputs.has(top.tensor) && !(node instanceof InputNode))) {
          stack.pop();
          continue;
        }
        const op = operationOf(node);
        if (!indices.has(op)) indices.set(op, indices.size);
        top.next = 0;
      }
      const parents = node instanceof InputNode || inputs.has(top.tensor) ? [] : node.inputs;
      if (top.next < parents.length) {
        stack.push({ tensor: parents[top.next++], next: -1 });
        continue;
      }
      finished.add(node);
      ordered.push(node);
      stack.pop();
    }
  }

  const nodeDepth = new Map<Node, number>();
  const opDepth = new Map<unknown, number>();
  for (const node of [...ordered].reverse()) {
    const op = operationOf(node);
    const depth = Math.max(nodeDepth.get(node) ?? 0, opDepth.get(op) ?? 0);
    opDepth.set(op, depth);
    nodeDepth.set(node, depth);
    if (node instanceof InputNode) continue;
    for (const x of node.inputs) {
      if (inputs.has(x) && !(x.node instanceof InputNode)) continue;
      if (finished.has(x.node)) nodeDepth.set(x.node, Math.max(depth + 1, nodeDepth.get(x.node) ?? 0));
    }
  }
  // Inputs that no output depends on are listed too (Keras keeps them for losses and metrics).
  for (const x of graph.inputs) {
    if (x.node instanceof InputNode && x.node.layer && !opDepth.has(x.node.layer)) {
      opDepth.set(x.node.layer, 0);
      indices.set(x.node.layer, -1);
    }
  }

  const operations = [...opDepth.keys()].sort(
    (a, b) => opDepth.get(b)! - opDepth.get(a)! || indices.get(a)! - indices.get(b)!,
  );
  const layers = new Set(graph.layers);
  return operations.filter((op): op is Layer => layers.has(op as Layer));
}
