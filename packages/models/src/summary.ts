import type { Dim, DType, Variable } from '@strata/tensor';
import type { Layer } from '@strata/layers';
import { classNameOf } from '@strata/layers/internal';
import type { SymbolicTensor } from '@strata/graph';
import { InputNode, LayerNode, type Graph } from '@strata/graph/internal';
import { columnWidths, renderTable, type Align } from './table';
import type { Model } from './model';

/** Options of `model.summary()` and `summaryLines`, as Keras's `summary`. */
export interface SummaryOptions {
  /** Total width of the table (default as Keras: 88, or 108 with "Connected to", at most the terminal's width - 4). */
  lineLength?: number;
  /** Where each column ends, as fractions of the line (or absolute positions). */
  positions?: readonly number[];
  /** Receives each line (default console.log). */
  printFn?: (line: string) => void;
  /** Adds a "Trainable" column. */
  showTrainable?: boolean;
  /** Lists the layers of nested models under them. */
  expandNested?: boolean;
}

/**
 * Keras's shape notation: `(None, 64)`.
 * @example
 * ```ts
 * formatShape([null, 64]); // '(None, 64)'
 * ```
 */
export function formatShape(shape: readonly Dim[]): string {
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
}

function formatOutputs(outputs: readonly SymbolicTensor[]): string {
  const shapes = outputs.map((t) => formatShape(t.shape));
  return shapes.length === 1 ? shapes[0] : `[${shapes.join(', ')}]`;
}

function bytesOf(dtype: DType): number {
  return dtype === 'bool' ? 1 : 4;
}

/**
 * Keras's readable_memory_size: `196.25 KB`.
 * @example
 * ```ts
 * readableSize(200960); // '196.25 KB'
 * ```
 */
export function readableSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let size = bytes;
  for (const unit of units) {
    if (size / 1024 < 1) return `${size.toFixed(2)} ${unit}`;
    size /= 1024;
  }
  return `${size.toFixed(2)} ${units[units.length - 1]}`;
}

function count(weights: readonly Variable[]): { params: number; bytes: number } {
  return weights.reduce((acc, w) => ({ params: acc.params + w.size, bytes: acc.bytes + w.size * bytesOf(w.dtype) }), {
    params: 0,
    bytes: 0,
  });
}

const fmtInt = (n: number) => n.toLocaleString('en-US');

function terminalColumns(): number {
  const out = (globalThis as { process?: { stdout?: { isTTY?: boolean; columns?: number } } }).process?.stdout;
  return out?.isTTY && out.columns ? out.columns : 80;
}

/** A layer's `Param #`: `0 (unbuilt)` for a layer that has no weights yet because it never ran. */
function params(layer: Layer): string {
  return layer.built ? fmtInt(layer.countParams()) : '0 (unbuilt)';
}

function trainableMark(layer: Layer): string {
  return layer.weights.length === 0 ? '-' : layer.trainable ? 'Y' : 'N';
}

type Row = { name: string; shape: string; params: string; connected: string; trainable: string };

/** Whether the graph is a plain chain: one input, one output, each node read once by the next. */
function isChain(graph: Graph): boolean {
  if (graph.inputs.length !== 1 || graph.outputs.length !== 1) return false;
  if (graph.nodes.some((n) => n.inputs.length > 1)) return false;
  if ([...graph.uses.values()].some((u) => u > 1)) return false;
  return graph.layers.every((l) => graph.nodesOf(l).length <= 1);
}

function graphRows(model: Model, graph: Graph, showInputs: boolean, expand: boolean, depth: number): Row[] {
  const prefix = depth === 0 ? '' : `${'  '.repeat(depth - 1)}└ `;
  const rows: Row[] = [];
  if (showInputs) {
    for (const x of graph.inputs) {
      const layer = x.node instanceof InputNode ? x.node.layer : null;
      rows.push({
        name: `${prefix}${graph.inputName(x)} (${layer ? classNameOf(layer) : 'Input'})`,
        shape: formatShape(x.shape),
        params: '0',
        connected: '-',
        trainable: '-',
      });
    }
  }
  const seen = new Set<Layer>();
  for (const node of graph.nodes) {
    if (node instanceof LayerNode) {
      const layer = node.layer;
      if (seen.has(layer)) continue;
      seen.add(layer);
      const nodes = graph.nodesOf(layer);
      const shapes = [...new Set(nodes.map((n) => formatOutputs(n.outputs)))];
      const sources = nodes.flatMap((n) => n.inputs.map((x) => graph.sourceOf(x)));
      rows.push({
        name: `${prefix}${layer.name} (${classNameOf(layer)})`,
        shape: shapes.length === 1 ? shapes[0] : 'multiple',
        params: params(layer),
        connected: sources.join(', ') || '-',
        trainable: trainableMark(layer),
      });
      if (expand) rows.push(...nestedRows(layer, depth + 1));
    } else {
      rows.push({
        name: `${prefix}${graph.nameOf(node)} (Op)`,
        shape: formatOutputs(node.outputs),
        params: '0',
        connected: node.inputs.map((x) => graph.sourceOf(x)).join(', ') || '-',
        trainable: '-',
      });
    }
  }
  // A subclassed model may hold layers its traced call did not use.
  for (const layer of model.layers) {
    if (!seen.has(layer) && !graph.layers.includes(layer)) rows.push(layerRow(layer, prefix));
  }
  return rows;
}

function layerRow(layer: Layer, prefix: string): Row {
  return {
    name: `${prefix}${layer.name} (${classNameOf(layer)})`,
    shape: '?',
    params: params(layer),
    connected: '-',
    trainable: trainableMark(layer),
  };
}

function isModel(layer: Layer): layer is Model {
  return typeof (layer as Model).summary === 'function' && 'graph' in layer;
}

function nestedRows(layer: Layer, depth: number): Row[] {
  if (!isModel(layer)) return [];
  const graph = layer.graph;
  const prefix = `${'  '.repeat(depth - 1)}└ `;
  return graph
    ? graphRows(layer, graph, !layer.isSequential, true, depth)
    : layer.layers.map((l) => layerRow(l, prefix));
}

/**
 * The summary's lines (Keras 3's print_summary).
 * @example
 * ```ts
 * summaryLines(model).forEach((line) => console.log(line)); // as model.summary() prints
 * ```
 */
export function summaryLines(model: Model, options: SummaryOptions = {}): string[] {
  const graph = model.graph;
  const sequentialLike = model.isSequential || !graph || isChain(graph);
  const header = ['Layer (type)', 'Output Shape', 'Param #'];
  const align: Align[] = ['left', 'left', 'right'];
  let positions = [...(options.positions ?? (sequentialLike ? [0.45, 0.8, 1.0] : [0.3, 0.56, 0.74, 1.0]))];
  let defaultLength = sequentialLike ? 88 : 108;
  if (!sequentialLike) {
    header.push('Connected to');
    align.push('left');
  }
  if (options.showTrainable) {
    defaultLength += 12;
    if (!options.positions) positions = [...positions.map((p) => p * 0.9), 1.0];
    header.push('Trainable');
    align.push('center');
  }
  if (positions.length !== header.length) {
    throw new RangeError(
      `summary: positions must give ${header.length} column ends (${header.join(', ')}), received ${positions.length}`,
    );
  }
  const lineLength = options.lineLength ?? Math.min(defaultLength, terminalColumns() - 4);

  const rows = graph
    ? graphRows(model, graph, !model.isSequential, !!options.expandNested, 0)
    : model.layers.map((l) => layerRow(l, ''));
  const cells = rows.map((r) => {
    const row = [r.name, r.shape, r.params];
    if (!sequentialLike) row.push(r.connected);
    if (options.showTrainable) row.push(r.trainable);
    return row;
  });

  const trainable = count(model.trainableWeights);
  const frozen = count(model.nonTrainableWeights);
  const lines = [`Model: "${model.name}"`, ...renderTable(header, cells, columnWidths(lineLength, positions), align)];
  lines.push(
    ` Total params: ${fmtInt(trainable.params + frozen.params)} (${readableSize(trainable.bytes + frozen.bytes)})`,
  );
  lines.push(` Trainable params: ${fmtInt(trainable.params)} (${readableSize(trainable.bytes)})`);
  lines.push(` Non-trainable params: ${fmtInt(frozen.params)} (${readableSize(frozen.bytes)})`);
  if (!graph && model.traceError) {
    // Keras prints a bare list here without saying why; say what stopped the trace.
    const why = model.traceError instanceof Error ? model.traceError.message : String(model.traceError);
    lines.push(
      ` Only a list of layers: call() could not be traced on symbolic inputs, so shapes and connections are unknown (${why}).`,
    );
    lines.push(
      ' The model still runs eagerly. For the full summary, call() must run on symbolic inputs of the built shape alone: no reading tensor values, no call options it cannot do without.',
    );
  } else if (!graph && model.layers.length > 0) {
    lines.push(
      ' Output shapes are unknown until the model is built: call it on data once, or call model.build(inputShape).',
    );
  }
  return lines;
}

/**
 * Prints the summary line by line through `printFn` and returns it as one string.
 * @example
 * ```ts
 * const text = printSummary(model, { printFn: () => {} }); // the table as one string, printed nowhere
 * ```
 */
export function printSummary(model: Model, options: SummaryOptions = {}): string {
  const lines = summaryLines(model, options);
  const print = options.printFn ?? ((line: string) => console.log(line));
  for (const line of lines) print(line);
  return lines.join('\n');
}
