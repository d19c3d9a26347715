import { Tensor } from '@strata/tensor';
import { isSymbolic, type TensorSpec } from '@strata/tensor/internal';
import type { CallOptions, Layer } from '@strata/layers';
import { classNameOf } from '@strata/layers/internal';
import type { SymbolicTensor } from '@strata/graph';
import {
  InputRef,
  LayerNode,
  OpNode,
  collectNodes,
  placeholder,
  tracing,
  type Graph,
  type Node,
} from '@strata/graph/internal';
import type { OnnxBuilder } from './builder';
import { OnnxExportError } from './errors';
import { OPS } from './ops';
import { LAYERS } from './layers';
import { nest } from '@strata/tensor';

/** ONNX value names of the symbolic tensors converted so far. */
export type Env = Map<SymbolicTensor, string>;

/** What one export holds on to: scratch traces whose constants are freed once their values are read. */
export interface ExportContext {
  readonly b: OnnxBuilder;
  readonly scratch: Node[];
  /** The layers being converted, outermost first, for messages. */
  readonly path: string[];
}

/** Converts every node of `graph`, its inputs named `inputs`; returns the names of its outputs. */
export function convertGraph(ctx: ExportContext, graph: Graph, inputs: readonly string[]): string[] {
  const env: Env = new Map();
  for (const [i, x] of graph.inputs.entries()) env.set(x, inputs[i]);
  convertNodes(ctx, graph.nodes, env);
  return graph.outputs.map((x) => valueOf(env, x));
}

function convertNodes(ctx: ExportContext, nodes: readonly Node[], env: Env): void {
  for (const node of nodes) {
    if (node instanceof OpNode) convertOp(ctx, node, env);
    else if (node instanceof LayerNode) convertLayer(ctx, node, env);
  }
}

function valueOf(env: Env, x: SymbolicTensor): string {
  const name = env.get(x);
  if (name === undefined) throw new OnnxExportError(`internal error: ${x.name} was used before it was converted`);
  return name;
}

function argValue(ctx: ExportContext, env: Env, node: Node, arg: unknown): { name: string; spec: TensorSpec } {
  if (arg instanceof InputRef) {
    const x = node.inputs[arg.index];
    return { name: valueOf(env, x), spec: x };
  }
  if (arg instanceof Tensor) return { name: ctx.b.tensor(arg), spec: arg };
  throw new OnnxExportError(`internal error: an op argument is ${typeof arg}, expected a tensor`);
}

function where(ctx: ExportContext): string {
  return ctx.path.length ? ` in ${ctx.path.join(' > ')}` : '';
}

function convertOp(ctx: ExportContext, node: OpNode, env: Env): void {
  const convert = OPS[node.def.name];
  if (!convert) {
    throw new OnnxExportError(
      `cannot export op "${node.def.name}"${where(ctx)}: it has no ONNX translation here. ` +
        `Ops that export: ${Object.keys(OPS).sort().join(', ')}`,
    );
  }
  const args = node.args.map((a) => argValue(ctx, env, node, a));
  let outs: string | string[];
  try {
    outs = convert(ctx.b, {
      op: node.def.name,
      inputs: args.map((a) => a.name),
      specs: args.map((a) => a.spec),
      attrs: node.attrs,
      outputs: node.outputs,
    });
  } catch (e) {
    if (e instanceof OnnxExportError && ctx.path.length) throw new OnnxExportError(`${e.message}${where(ctx)}`, e);
    throw e;
  }
  const list = Array.isArray(outs) ? outs : [outs];
  // By each tensor's own index: code may reorder the array an op returned (an RNN's steps.reverse()
  // reverses the node's outputs array in place).
  for (const x of node.outputs) env.set(x, list[x.index]);
}

/** A layer's arguments with the symbolic tensors replaced by `values` (as @strata/graph decodes them). */
function fill(template: unknown, values: readonly unknown[]): unknown {
  return nest.map(template, (x) => (x instanceof InputRef ? values[x.index] : x));
}

function layerLabel(layer: Layer): string {
  return `layer "${layer.name}" (${classNameOf(layer)})`;
}

function convertLayer(ctx: ExportContext, node: LayerNode, env: Env): void {
  const layer = node.layer;
  const label = layerLabel(layer);
  const inner: ExportContext = { ...ctx, path: [...ctx.path, label] };
  const names = node.inputs.map((x) => valueOf(env, x));
  let outs: string[];
  const nested = (layer as { graph?: Graph | null }).graph;
  const special = LAYERS[classNameOf(layer)];
  const refusal = special?.refuse?.(layer, node);
  if (refusal) throw new OnnxExportError(`cannot export ${label}${where(ctx)}: ${refusal}`);
  if (node.options.training === true) {
    throw new OnnxExportError(
      `cannot export ${label}${where(ctx)}: it is called with training: true (Monte Carlo dropout, say), ` +
        'and an exported graph is the inference one. Call it without training: true to export',
    );
  }
  if (node.options.mask !== undefined && node.options.mask !== null) {
    throw new OnnxExportError(
      `cannot export ${label}${where(ctx)}: it is called with a mask, and masks are not exported`,
    );
  }
  const own = special?.convert?.(inner, node, names) ?? null;
  if (own) {
    outs = own;
  } else if (nested && typeof (layer as { summary?: unknown }).summary === 'function') {
    const flat = nest.flatten(fill(node.args, names)) as string[];
    outs = convertGraph(inner, nested, flat);
  } else {
    outs = traceLayer(inner, node, names);
  }
  for (const x of node.outputs) env.set(x, outs[x.index]);
}

/**
 * A layer without an exporter of its own: its `call()` (in inference mode) is traced on fresh
 * symbolic inputs, and the ops and layer calls it records are converted in turn.
 */
export function traceLayer(ctx: ExportContext, node: LayerNode, names: readonly string[]): string[] {
  const holders = node.inputs.map((x) => placeholder({ shape: x.shape, dtype: x.dtype }));
  const args = fill(node.args, holders);
  const options = fill(node.options, holders) as CallOptions;
  options.training = false;
  options.mask = null;
  let traced: { result: unknown; nodes: Node[] };
  try {
    traced = tracing(() => collectNodes(() => node.layer.call(args as Tensor, options) as unknown));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new OnnxExportError(
      `cannot export ${ctx.path[ctx.path.length - 1]}: its call() cannot be traced on symbolic inputs (${why})`,
      e,
    );
  }
  ctx.scratch.push(...traced.nodes);
  const env: Env = new Map();
  for (const [i, h] of holders.entries()) env.set(h, names[i]);
  convertNodes(ctx, traced.nodes, env);
  const results = Array.isArray(traced.result) ? traced.result : [traced.result];
  return results.map((r) => {
    if (isSymbolic(r)) return valueOf(env, r as SymbolicTensor);
    if (r instanceof Tensor) return ctx.b.tensor(r);
    throw new OnnxExportError(
      `cannot export ${ctx.path[ctx.path.length - 1]}: its call() returned ${typeof r}, expected tensors`,
    );
  });
}
