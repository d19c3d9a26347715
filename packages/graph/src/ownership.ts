import type { Layer } from '@strata/layers';
import type { Node } from './node';
import type { Graph } from './graph';

// Models share layers and nodes (a model cut from another, a layer used by two models): each model
// holds what its graph uses, and a layer or a node's constants are freed when the last holder lets go.
const layerHolds = new WeakMap<Layer, number>();
const nodeHolds = new WeakMap<Node, number>();

/**
 * Counts `graph`'s layers and nodes as used by one more model.
 * @example
 * ```ts
 * const graph = new Graph(x, y);
 * holdGraph(graph); // a model built on it does this; releaseGraph undoes it
 * ```
 */
export function holdGraph(graph: Graph): void {
  for (const l of graph.layers) layerHolds.set(l, (layerHolds.get(l) ?? 0) + 1);
  for (const n of graph.nodes) nodeHolds.set(n, (nodeHolds.get(n) ?? 0) + 1);
}

/**
 * Undoes `holdGraph`: frees the constants of nodes no model holds any more and, with `disposeLayers`,
 * disposes the layers no model holds any more (their weights).
 * @example
 * ```ts
 * releaseGraph(graph, { disposeLayers: false }); // frees its constants, keeps the layers' weights
 * ```
 */
export function releaseGraph(graph: Graph, { disposeLayers = true }: { disposeLayers?: boolean } = {}): void {
  for (const n of graph.nodes) {
    const left = (nodeHolds.get(n) ?? 1) - 1;
    nodeHolds.set(n, left);
    if (left <= 0) n.disposeConstants();
  }
  for (const l of graph.layers) {
    const left = (layerHolds.get(l) ?? 1) - 1;
    layerHolds.set(l, left);
    if (left <= 0 && disposeLayers) l.dispose();
  }
}

/**
 * How many models hold `layer` (0 for a layer used on its own).
 * @example
 * ```ts
 * const dense = new Dense({ units: 2 });
 * const x = input({ shape: [3] });
 * new Functional({ inputs: x, outputs: dense.apply(x) });
 * holdersOf(dense); // 1
 * ```
 */
export function holdersOf(layer: Layer): number {
  return layerHolds.get(layer) ?? 0;
}
