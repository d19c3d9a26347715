// A Functional model's config: its layers, and how they are connected (Keras 3's functional.py
// get_config / from_config), in Strata's camelCase dialect. Case conversion and the Keras / TF.js
// file dialects live in @strata/serialization; this file only knows the graph.
import { Tensor, Variable, tensor, type DType } from '@strata/tensor';
import { isSymbolic, runOpMulti, type OpDef } from '@strata/tensor/internal';
import * as tensorApi from '@strata/tensor/internal';
import type { Layer, CallOptions, SerializedObject } from '@strata/layers';
import { classNameOf } from '@strata/layers/internal';
import { InputLayer, type SymbolicTensor } from '@strata/graph';
import { InputNode, InputRef, LayerNode, OpNode, collectNodes, type Graph, type Node } from '@strata/graph/internal';
import { ModelError } from './errors';
// A cycle (functional.ts imports this file), read only inside functions: never at import.
import { Functional } from './functional';
import { nest } from '@strata/tensor';

/**
 * Keras counts a nested Functional's own input-to-output node as its node 0, so its calls in an
 * outer graph are nodes 1, 2, ... (Keras 3's `node_index -= 1` for Functional layers); a Sequential
 * (not a Functional in Keras 3) and plain layers start at 0.
 * @example
 * ```ts
 * builtInNodes(new Dense({ units: 2 })); // 0
 * ```
 */
export function builtInNodes(layer: Layer | null): number {
  return layer instanceof Functional && !layer.isSequential ? 1 : 0;
}

/** Where a tensor comes from: [layer name, node index, output index] (Keras's `keras_history`). */
export type TensorHistory = [string, number, number];

/** One call of a layer: its positional arguments and keyword options (Keras 3's node format). */
export interface NodeConfig {
  /** The positional arguments, with tensors written as Keras tensor references. */
  args: unknown[];
  /** The keyword arguments (`training`, `mask`, ...), encoded the same way. */
  kwargs: Record<string, unknown>;
}

/** A layer of a Functional config: its class and config, its name, and its calls. */
export interface LayerEntry extends SerializedObject {
  /** The layer's name, which tensor histories refer to. */
  name: string;
  /** Each call of the layer in the graph, in order. */
  inboundNodes: NodeConfig[];
}

/** A model's inputs or outputs: a list, or a record when they were given by name (as Keras 3 writes a dict). */
export type TensorHistories = TensorHistory[] | Record<string, TensorHistory>;

/**
 * A Functional model's config, as Keras 3 writes it (camelCase here): its layers and their calls, and which tensors are
 * its inputs and outputs.
 */
export interface FunctionalConfig {
  /** The model's name. */
  name: string;
  /** Whether its weights are trained. */
  trainable: boolean;
  /** Every layer with its calls. */
  layers: LayerEntry[];
  /** Where each model input comes from. */
  inputLayers: TensorHistories;
  /** Where each model output comes from. */
  outputLayers: TensorHistories;
}

import type { LayerResolver } from '@strata/layers';
export type { LayerResolver, FromConfigOptions } from '@strata/layers';

/** The pseudo-class of a raw op applied to symbolic tensors (Keras 3 writes its op classes, as `Add`). */
export const TENSOR_OP = 'TensorOp';
/** How a symbolic tensor is written inside node arguments (Keras 3's marker). */
export const KERAS_TENSOR = '__keras_tensor__';
/** How a constant tensor is written inside node arguments (Keras 3 writes NumPy arrays so). */
export const CONSTANT = '__numpy__';

/**
 * The serialized form of a layer (a nested model included): `{className, config}`.
 * @example
 * ```ts
 * serializeLayer(new Dense({ units: 2 })); // { className: 'Dense', config: { units: 2, ... } }
 * ```
 */
export function serializeLayer(layer: Layer): SerializedObject {
  return { className: classNameOf(layer), config: layer.getConfig() };
}

function constantConfig(t: Tensor): SerializedObject {
  if (t instanceof Variable)
    throw new ModelError(
      `cannot serialize a graph that reads the Variable "${t.name}" directly; wrap it in a layer (addWeight) so it is saved with the layer's weights`,
    );
  return { className: CONSTANT, config: { value: t.arraySync(), dtype: t.dtype, shape: [...t.shape] } };
}

/**
 * The config of a model's graph: every layer and op node once, with the calls recorded.
 * @example
 * ```ts
 * const config = graphConfig(functionalModel.graph!, functionalModel.name, true);
 * config.layers.map((l) => l.className); // ['InputLayer', 'Dense', ...]
 * ```
 */
export function graphConfig(
  graph: Graph,
  name: string,
  trainable: boolean,
  keys: { inputs?: readonly string[] | null; outputs?: readonly string[] | null } = {},
): FunctionalConfig {
  const nodeIndex = (node: Node): number =>
    node instanceof LayerNode ? graph.nodesOf(node.layer).indexOf(node) + builtInNodes(node.layer) : 0;
  const history = (t: SymbolicTensor): TensorHistory => {
    if (graph.inputs.includes(t) && !(t.node instanceof InputNode && t.node.layer)) {
      throw new ModelError(
        `model "${name}" starts at the intermediate tensor ${t.name}: a model cut there cannot be serialized; build it from input() tensors`,
      );
    }
    return [graph.nameOf(t.node), nodeIndex(t.node), t.index];
  };
  const ref = (t: SymbolicTensor): SerializedObject => ({
    className: KERAS_TENSOR,
    config: { shape: [...t.shape], dtype: t.dtype, kerasHistory: history(t) },
  });
  const write = (template: unknown, inputs: readonly SymbolicTensor[]): unknown => {
    if (template instanceof InputRef) return ref(inputs[template.index]);
    if (template instanceof Tensor) return constantConfig(template);
    if (Array.isArray(template)) return template.map((x) => write(x, inputs));
    if (template !== null && typeof template === 'object')
      return Object.fromEntries(
        Object.entries(template)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, write(v, inputs)]),
      );
    return template;
  };

  const entries: LayerEntry[] = [];
  const byLayer = new Map<Layer, LayerEntry>();
  for (const x of graph.inputs) {
    const layer = (x.node as InputNode).layer;
    if (!layer) throw new ModelError(`model "${name}": input ${x.name} comes from no InputLayer`);
    const entry = { ...serializeLayer(layer), name: layer.name, inboundNodes: [] };
    entries.push(entry);
    byLayer.set(layer, entry);
  }
  for (const node of graph.nodes) {
    if (node instanceof LayerNode) {
      let entry = byLayer.get(node.layer);
      if (!entry) {
        entry = { ...serializeLayer(node.layer), name: node.layer.name, inboundNodes: [] };
        entries.push(entry);
        byLayer.set(node.layer, entry);
      }
      entry.inboundNodes.push({
        args: [write(node.args, node.inputs)],
        kwargs: write(node.options, node.inputs) as Record<string, unknown>,
      });
    } else if (node instanceof OpNode) {
      const opName = graph.nameOf(node);
      entries.push({
        className: TENSOR_OP,
        config: { name: opName, op: node.def.name, attrs: jsonAttrs(node, opName) },
        name: opName,
        inboundNodes: [{ args: node.args.map((a) => write(a, node.inputs)), kwargs: {} }],
      });
    }
  }
  const named = (list: TensorHistory[], names?: readonly string[] | null): TensorHistories =>
    names ? Object.fromEntries(names.map((k, i) => [k, list[i]])) : list;
  return {
    name,
    trainable,
    layers: entries,
    inputLayers: named(graph.inputs.map(history), keys.inputs),
    outputLayers: named(graph.outputs.map(history), keys.outputs),
  };
}

function jsonAttrs(node: OpNode, opName: string): unknown {
  const attrs = node.attrs ?? {};
  const text = JSON.stringify(attrs);
  const ok = (a: unknown, b: unknown): boolean =>
    a === b ||
    (Array.isArray(a)
      ? Array.isArray(b) && a.length === b.length && a.every((x, i) => ok(x, b[i]))
      : a !== null &&
        b !== null &&
        typeof a === 'object' &&
        typeof b === 'object' &&
        Object.keys(a).every((k) => (a as never)[k] === undefined || ok((a as never)[k], (b as never)[k])));
  if (text === undefined || !ok(attrs, JSON.parse(text))) {
    throw new ModelError(
      `op "${opName}" (${node.def.name}) has attributes that are not plain JSON values, so the model cannot be serialized; wrap the computation in a layer`,
    );
  }
  return JSON.parse(text);
}

let opDefs: Map<string, OpDef<any>> | null = null;

/**
 * Every op definition @strata/tensor exports (from `@strata/tensor/internal`), by op name (read once).
 * @example
 * ```ts
 * opDefByName('matmul')?.name; // 'matmul'
 * ```
 */
export function opDefByName(name: string): OpDef<any> | undefined {
  if (!opDefs) {
    opDefs = new Map();
    for (const v of Object.values(tensorApi)) {
      const d = v as Partial<OpDef<any>> | null;
      if (
        d &&
        typeof d === 'object' &&
        typeof d.name === 'string' &&
        typeof d.infer === 'function' &&
        typeof d.kernel === 'function'
      )
        opDefs.set(d.name, d as OpDef<any>);
    }
  }
  return opDefs.get(name);
}

function fail(model: string, what: string): never {
  throw new ModelError(`cannot rebuild model "${model}" from its config: ${what}`);
}

/** Rebuilt inputs and outputs: lists, or records when the config names them. */
export interface RebuiltGraph {
  /** The model's inputs. */
  inputs: SymbolicTensor[] | Record<string, SymbolicTensor>;
  /** The model's outputs. */
  outputs: SymbolicTensor[] | Record<string, SymbolicTensor>;
}

/**
 * Rebuilds the graph of a Functional config: makes each layer, then replays each recorded call in
 * an order where its inputs exist (Keras's algorithm: a shared layer's later calls may wait for
 * other layers). Returns the inputs and outputs to make the model from.
 * @example
 * ```ts
 * const { inputs, outputs } = rebuildGraph(config, resolveBuiltInLayer);
 * const copy = new Functional({ inputs, outputs }); // new layers, new weights
 * ```
 */
export function rebuildGraph(config: FunctionalConfig, resolveLayer: LayerResolver): RebuiltGraph {
  const made: Layer[] = [];
  try {
    // collectNodes frees the constants of the nodes recorded if rebuilding fails half-way.
    return collectNodes(() => replay(config, resolveLayer, made)).result;
  } catch (e) {
    for (const layer of made) layer.dispose();
    throw e;
  }
}

function replay(config: FunctionalConfig, resolveLayer: LayerResolver, layers: Layer[]): RebuiltGraph {
  const model = String(config.name);
  if (!Array.isArray(config.layers)) fail(model, `"layers" must be a list, received ${JSON.stringify(config.layers)}`);
  const made = new Map<
    string,
    { layer: Layer | null; op: OpDef<any> | null; attrs: unknown; entry: LayerEntry; outputs: SymbolicTensor[][] }
  >();
  for (const [i, entry] of config.layers.entries()) {
    if (!nest.isRecord(entry) || typeof entry.className !== 'string')
      fail(model, `layer ${i} must be {className, config, name, inboundNodes}, received ${JSON.stringify(entry)}`);
    const name = String(entry.name ?? (entry.config as Record<string, unknown>)?.name);
    if (made.has(name)) fail(model, `the name "${name}" is given to two layers`);
    if (entry.className === TENSOR_OP) {
      const opName = String((entry.config as Record<string, unknown>)?.op);
      const def = opDefByName(opName);
      if (!def) fail(model, `node "${name}" is the op "${opName}", which @strata/tensor does not have`);
      made.set(name, {
        layer: null,
        op: def,
        attrs: (entry.config as Record<string, unknown>).attrs,
        entry,
        outputs: [],
      });
    } else {
      const layer = resolveLayer({ className: entry.className, config: { ...(entry.config ?? {}), name } });
      layers.push(layer);
      made.set(name, {
        layer,
        op: null,
        attrs: null,
        entry,
        outputs: layer instanceof InputLayer ? [[layer.output]] : [],
      });
    }
  }

  const lookup = (h: unknown): SymbolicTensor | undefined => {
    if (!Array.isArray(h) || h.length < 3)
      fail(model, `a tensor reference must be [layerName, nodeIndex, tensorIndex], received ${JSON.stringify(h)}`);
    const [layerName, nodeIndex, tensorIndex] = h as TensorHistory;
    const target = made.get(layerName);
    if (!target)
      fail(
        model,
        `a call reads the output of "${layerName}", which is not among the layers (${[...made.keys()].join(', ')})`,
      );
    return target.outputs[nodeIndex - builtInNodes(target.layer)]?.[tensorIndex];
  };
  const temporaries: Tensor[] = [];
  // Returns undefined while some referenced tensor does not exist yet.
  const read = (x: unknown): { value: unknown } | undefined => {
    if (Array.isArray(x)) {
      const out: unknown[] = [];
      for (const item of x) {
        const r = read(item);
        if (!r) return undefined;
        out.push(r.value);
      }
      return { value: out };
    }
    if (nest.isRecord(x)) {
      if (x.className === KERAS_TENSOR) {
        const t = lookup((x.config as Record<string, unknown>)?.kerasHistory);
        return t ? { value: t } : undefined;
      }
      if (x.className === CONSTANT) {
        const c = x.config as { value: unknown; dtype?: DType };
        const t = tensor(c.value as number[], undefined, c.dtype ?? 'float32');
        temporaries.push(t);
        return { value: t };
      }
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(x)) {
        const r = read(v);
        if (!r) return undefined;
        out[k] = r.value;
      }
      return { value: out };
    }
    return { value: x };
  };

  const pending = [...made.entries()].map(([name, m]) => ({
    name,
    m,
    next: 0,
    nodes: Array.isArray(m.entry.inboundNodes) ? m.entry.inboundNodes : [],
  }));
  try {
    for (let progress = true; progress; ) {
      progress = false;
      for (const p of pending) {
        while (p.next < p.nodes.length) {
          const node = p.nodes[p.next];
          if (!nest.isRecord(node) || !Array.isArray(node.args))
            fail(model, `call ${p.next} of "${p.name}" must be {args, kwargs}, received ${JSON.stringify(node)}`);
          const args = read(node.args);
          const kwargs = read(node.kwargs ?? {});
          if (!args || !kwargs) break;
          let result: unknown;
          if (p.m.op) result = runOpMulti(p.m.op, args.value as Tensor[], p.m.attrs as never);
          else {
            // Keras 3 writes a call with several positional tensors (MultiHeadAttention's query, value) as
            // several args; Strata's layers take them as one list.
            const positional = args.value as unknown[];
            result = p.m.layer!.apply(
              (positional.length === 1 ? positional[0] : positional) as Tensor,
              kwargs.value as CallOptions,
            );
          }
          p.m.outputs.push((Array.isArray(result) ? result : [result]) as SymbolicTensor[]);
          for (const t of temporaries.splice(0)) t.dispose();
          p.next++;
          progress = true;
        }
      }
    }
  } finally {
    for (const t of temporaries) t.dispose();
  }
  const stuck = pending.find((p) => p.next < p.nodes.length);
  if (stuck)
    fail(
      model,
      `call ${stuck.next} of "${stuck.name}" reads tensors no layer produces (${JSON.stringify(stuck.nodes[stuck.next])}); the config is inconsistent`,
    );

  const pick = (what: string, list: unknown): SymbolicTensor[] | Record<string, SymbolicTensor> => {
    if (nest.isRecord(list) && Object.keys(list).length > 0) {
      const picked = pick(what, Object.values(list)) as SymbolicTensor[];
      return Object.fromEntries(Object.keys(list).map((k, i) => [k, picked[i]]));
    }
    if (!Array.isArray(list) || list.length === 0)
      fail(
        model,
        `"${what}" must be a non-empty list of [layerName, nodeIndex, tensorIndex], received ${JSON.stringify(list)}`,
      );
    return list.map((h) => {
      const t = lookup(h);
      if (!t || !isSymbolic(t))
        fail(model, `${what} names ${JSON.stringify(h)}, which is not a tensor of the rebuilt graph`);
      return t;
    });
  };
  return { inputs: pick('inputLayers', config.inputLayers), outputs: pick('outputLayers', config.outputLayers) };
}

/** A Sequential model's config, as Keras 3 writes it: its layers in order. */
export interface SequentialConfig {
  /** The model's name. */
  name: string;
  /** Whether its weights are trained. */
  trainable: boolean;
  /** The layers in order; an InputLayer first when the input shape is known (as Keras 3). */
  layers: SerializedObject[];
}

/**
 * A Sequential's config: its layers, after an InputLayer for its input when it has one.
 * @example
 * ```ts
 * const config = stackConfig(seq.name, seq.trainable, seq.layers, seq.graph);
 * ```
 */
export function stackConfig(
  name: string,
  trainable: boolean,
  layers: readonly Layer[],
  graph: Graph | null,
): SequentialConfig {
  const list: SerializedObject[] = [];
  const start = graph?.inputs[0];
  if (start && start.node instanceof InputNode && start.node.layer) list.push(serializeLayer(start.node.layer));
  for (const l of layers) list.push(serializeLayer(l));
  return { name, trainable, layers: list };
}

/**
 * The layers of a Sequential config, made by `resolveLayer`, checking the list's form.
 * @example
 * ```ts
 * const layers = stackLayers(config, resolveBuiltInLayer);
 * const copy = new Sequential(layers);
 * ```
 */
export function stackLayers(config: SequentialConfig, resolveLayer: LayerResolver): Layer[] {
  if (!nest.isRecord(config) || !Array.isArray(config.layers)) {
    throw new ModelError(
      `cannot rebuild a Sequential model from its config: "layers" must be a list of {className, config}, received ${JSON.stringify(nest.isRecord(config) ? config.layers : config)}`,
    );
  }
  return config.layers.map((entry, i) => {
    if (!nest.isRecord(entry) || typeof entry.className !== 'string') {
      throw new ModelError(
        `cannot rebuild Sequential "${config.name}": layer ${i} must be {className, config}, received ${JSON.stringify(entry)}`,
      );
    }
    return resolveLayer({ className: entry.className, config: (entry.config ?? {}) as Record<string, unknown> });
  });
}
