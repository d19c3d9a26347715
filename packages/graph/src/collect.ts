import { tidy } from '@strata/tensor';
import type { Node } from './node';

// Nodes recorded while a collector is open belong to it: shape inference and tracing use this to
// free the constants of the graphs they record and then throw away.
const collectors: Node[][] = [];

/** @internal every node calls this when it is made. */
export function registerNode(node: Node): void {
  collectors[collectors.length - 1]?.push(node);
}

/**
 * Runs `fn` (inside tidy: eager tensors it makes are freed) and returns what it returned with the
 * nodes it recorded. If `fn` throws, the constants of those nodes are freed before the error goes on.
 * @example
 * ```ts
 * const { result, nodes } = collectNodes(() => add(input({ shape: [2] }), 1));
 * nodes.map((n) => n.kind); // ['input', 'op']
 * ```
 */
export function collectNodes<T>(fn: () => T): {
  /** What `fn` returned. */
  result: T;
  /** The nodes recorded while it ran, in order. */
  nodes: Node[];
} {
  const nodes: Node[] = [];
  collectors.push(nodes);
  try {
    const result = tidy(fn);
    return { result, nodes };
  } catch (e) {
    for (const n of nodes) n.disposeConstants();
    throw e;
  } finally {
    collectors.pop();
  }
}

let tracingDepth = 0;

/**
 * Runs `fn` as a trace: the layer calls it records are looked at, not part of a model, so layers do
 * not remember them as their inbound calls (`layer.output` stays the one of the model's graph).
 * @example
 * ```ts
 * // Look at what a layer call records without the layer remembering it as an inbound call.
 * const y = tracing(() => dense.apply(input({ shape: [3] })) as SymbolicTensor);
 * ```
 */
export function tracing<T>(fn: () => T): T {
  tracingDepth++;
  try {
    return fn();
  } finally {
    tracingDepth--;
  }
}

/** @internal true inside `tracing` (and `scratch`). */
export function isTracing(): boolean {
  return tracingDepth > 0;
}

/**
 * Runs `fn` and frees the constants of every node it recorded: for graphs that are only looked at.
 * @example
 * ```ts
 * // The output shape of a layer, without keeping the graph that found it.
 * const shape = scratch(() => (new Dense({ units: 3 }).apply(input({ shape: [5] })) as SymbolicTensor).shape);
 * ```
 */
export function scratch<T>(fn: () => T): T {
  const { result, nodes } = tracing(() => collectNodes(fn));
  for (const n of nodes) n.disposeConstants();
  return result;
}
