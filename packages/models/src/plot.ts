import type { Layer } from '@strata/layers';
import { classNameOf } from '@strata/layers/internal';
import type { SymbolicTensor } from '@strata/graph';
import { InputNode, LayerNode, type ComputeNode, type Graph } from '@strata/graph/internal';
import { ModelError } from './errors';
import { formatShape } from './summary';
import type { Model } from './model';

/** What the boxes of {@link modelToDot} show, as Keras's `plot_model` options. */
export interface DotOptions {
  /** Input and output shapes in each box (default false, as Keras). */
  showShapes?: boolean;
  /** Output dtypes in each box. */
  showDtype?: boolean;
  /** Layer names in the boxes (default true; false shows only class names). */
  showLayerNames?: boolean;
  /** The activation of layers that have one. */
  showLayerActivations?: boolean;
  /** Whether each layer is trainable. */
  showTrainable?: boolean;
  /** Graph direction: 'TB' (top to bottom, default) or 'LR' (left to right), as Graphviz's rankdir. */
  rankdir?: 'TB' | 'LR' | 'BT' | 'RL';
  /** Draws nested models as boxes holding their own layers. */
  expandNested?: boolean;
  /** Resolution of a PNG (default 96 dots per inch). */
  dpi?: number;
}

/** What {@link plotModel} returns: Graphviz DOT text, an SVG string, or PNG bytes. */
export type PlotFormat = 'dot' | 'svg' | 'png';

/** Options of {@link plotModel}: {@link DotOptions}, the output format and an optional file to write. */
export interface PlotOptions extends DotOptions {
  /** Default: from the extension of `to` (or `toFile`), else 'svg'. */
  format?: PlotFormat;
  /** Also writes the result to this path (Node only). */
  to?: string;
  /** The same as `to`, named as Keras's `to_file`. */
  toFile?: string;
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function shapesOf(ts: readonly SymbolicTensor[]): string {
  const parts = ts.map((t) => formatShape(t.shape));
  return parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
}

/** The HTML-like label of one box: a dark title row, then the rows the options ask for. */
function label(title: string, detail: string, kind: 'layer' | 'op' | 'input', rows: [string, string][]): string {
  const color = kind === 'op' ? '#4b5563' : kind === 'input' ? '#1e6091' : '#111827';
  const head = `<tr><td colspan="2" bgcolor="${color}"><font color="white"><b>${escape(title)}</b>${detail ? ` (${escape(detail)})` : ''}</font></td></tr>`;
  const body = rows
    .map(([k, v]) => `<tr><td align="left">${escape(k)}</td><td align="left">${escape(v)}</td></tr>`)
    .join('');
  return `<<table border="0" cellborder="1" cellspacing="0" cellpadding="5">${head}${body}</table>>`;
}

function isModel(layer: Layer): layer is Model {
  return typeof (layer as Model).summary === 'function' && 'graph' in layer;
}

/**
 * Builds the DOT text of a model's graph (Keras's `model_to_dot`): one box per layer (a shared layer
 * is one box with several incoming edges), one per op, an edge per tensor. A subclassed model shows
 * the graph its `call` was traced into; one that could not be traced shows its layers unconnected.
 * @example
 * ```ts
 * const dot = modelToDot(model, { showShapes: true, rankdir: 'LR' }); // 'digraph "mlp" { ... }'
 * ```
 */
export function modelToDot(model: Model, options: DotOptions = {}): string {
  const lines: string[] = [];
  let nextId = 0;
  const newId = () => `n${nextId++}`;
  const rowsFor = (
    inputs: readonly SymbolicTensor[],
    outputs: readonly SymbolicTensor[],
    layer: Layer | null,
  ): [string, string][] => {
    const rows: [string, string][] = [];
    if (options.showShapes) {
      if (inputs.length) rows.push(['Input shape', shapesOf(inputs)]);
      rows.push(['Output shape', shapesOf(outputs)]);
    }
    if (options.showDtype) rows.push(['Output dtype', [...new Set(outputs.map((t) => t.dtype))].join(', ')]);
    if (layer && options.showLayerActivations) {
      const activation = (layer.getConfig() as { activation?: unknown }).activation;
      if (typeof activation === 'string') rows.push(['Activation', activation]);
    }
    if (layer && options.showTrainable) rows.push(['Trainable', layer.trainable ? 'yes' : 'no']);
    return rows;
  };
  const box = (
    indent: string,
    title: string,
    detail: string,
    kind: 'layer' | 'op' | 'input',
    rows: [string, string][],
  ): string => {
    const id = newId();
    const shown = options.showLayerNames === false && kind !== 'op' ? detail : title;
    const shownDetail = options.showLayerNames === false && kind !== 'op' ? '' : detail;
    lines.push(`${indent}${id} [label=${label(shown, shownDetail, kind, rows)}];`);
    return id;
  };

  /**
   * Emits one graph's boxes and inner edges; returns the box that produces each of its tensors and
   * the boxes that receive each of its inputs (so an enclosing graph can connect to them).
   */
  const emit = (graph: Graph, indent: string): { producer: Map<SymbolicTensor, string>; entry: string[][] } => {
    const producer = new Map<SymbolicTensor, string>();
    const entry: string[][] = graph.inputs.map(() => []);
    graph.inputs.forEach((x, i) => {
      const layer = x.node instanceof InputNode ? x.node.layer : null;
      const id = box(
        indent,
        graph.inputName(x),
        layer ? classNameOf(layer) : 'Input',
        'input',
        rowsFor([], [x], layer),
      );
      producer.set(x, id);
      entry[i].push(id);
    });
    const boxes = new Map<
      Layer,
      { id: string; inner?: { producer: Map<SymbolicTensor, string>; entry: string[][]; graph: Graph } }
    >();
    const edges: [string, string][] = [];
    for (const node of graph.nodes as ComputeNode[]) {
      let targets: string[][];
      if (node instanceof LayerNode) {
        const layer = node.layer;
        let made = boxes.get(layer);
        if (!made) {
          const nodes = graph.nodesOf(layer);
          const innerGraph = options.expandNested && isModel(layer) ? layer.graph : null;
          if (innerGraph) {
            const id = `cluster_${nextId++}`;
            lines.push(`${indent}subgraph ${id} {`);
            lines.push(
              `${indent}  label=<<b>${escape(layer.name)}</b> (${escape(classNameOf(layer))})>; style="rounded,dashed"; color="#6b7280"; fontname="Helvetica";`,
            );
            const inner = emit(innerGraph, `${indent}  `);
            lines.push(`${indent}}`);
            made = { id, inner: { ...inner, graph: innerGraph } };
          } else {
            made = {
              id: box(
                indent,
                layer.name,
                classNameOf(layer),
                'layer',
                rowsFor(nodes[0].inputs, nodes[0].outputs, layer),
              ),
            };
          }
          boxes.set(layer, made);
        }
        const inner = made.inner;
        if (inner) {
          // Each input argument of the call feeds the nested model's input of the same position.
          targets = node.inputs.map((_, i) => inner.entry[i] ?? inner.entry[0] ?? []);
          node.outputs.forEach((t, i) => producer.set(t, inner.producer.get(inner.graph.outputs[i]) as string));
        } else {
          targets = node.inputs.map(() => [made!.id]);
          for (const t of node.outputs) producer.set(t, made.id);
        }
      } else {
        const id = box(indent, graph.nameOf(node), 'Op', 'op', rowsFor(node.inputs, node.outputs, null));
        targets = node.inputs.map(() => [id]);
        for (const t of node.outputs) producer.set(t, id);
      }
      node.inputs.forEach((x, i) => {
        const from = producer.get(x);
        if (from) for (const to of targets[i]) edges.push([from, to]);
      });
    }
    const seen = new Set<string>();
    for (const [from, to] of edges) {
      const key = `${from}->${to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(`${indent}${from} -> ${to};`);
    }
    return { producer, entry };
  };

  lines.push(`digraph "${model.name.replace(/"/g, '\\"')}" {`);
  lines.push(`  graph [rankdir="${options.rankdir ?? 'TB'}", fontname="Helvetica", nodesep=0.3, ranksep=0.4];`);
  lines.push('  node [shape=plain, fontname="Helvetica", fontsize=11];');
  lines.push('  edge [color="#374151", arrowsize=0.7];');
  const graph = model.graph;
  if (graph) emit(graph, '  ');
  else for (const layer of model.layers) box('  ', layer.name, classNameOf(layer), 'layer', []);
  lines.push('}');
  return lines.join('\n');
}

function formatOf(options: PlotOptions): PlotFormat {
  if (options.format) return options.format;
  const ext = (options.to ?? options.toFile)?.split('.').pop()?.toLowerCase();
  if (ext === 'png' || ext === 'svg' || ext === 'dot') return ext;
  if (ext === 'gv') return 'dot';
  return 'svg';
}

/**
 * DOT to SVG with Graphviz compiled to WebAssembly (loaded on first use: works in Node and browsers).
 * @example
 * ```ts
 * const svg = await dotToSvg('digraph { a -> b }');
 * ```
 */
export async function dotToSvg(dot: string): Promise<string> {
  const { instance } = await import('@viz-js/viz');
  const viz = await instance();
  return viz.renderString(dot, { format: 'svg' });
}

// Module names a browser bundler must not try to pack: resvg-js is a native Node addon and node:fs a
// Node built-in. Held in variables so bundlers leave the imports to run time, where only Node reaches them.
const RESVG = '@resvg/resvg-js';
const NODE_FS = 'node:fs/promises';

/** Whether this is a browser page, which renders SVG itself (a worker or Node has no `document`). */
function inBrowser(): boolean {
  const g = globalThis as { document?: unknown; Image?: unknown; process?: { versions?: { node?: string } } };
  return typeof g.document === 'object' && typeof g.Image === 'function' && !g.process?.versions?.node;
}

/**
 * SVG to PNG: in Node with resvg (loaded on first use), in a browser page with the browser's own SVG
 * renderer through a canvas. Either way `dpi` scales Graphviz's points (72 per inch).
 * @example
 * ```ts
 * const png = await svgToPng(await plotModel(model), 144); // PNG bytes at 144 dpi
 * ```
 */
export async function svgToPng(svg: string, dpi = 96): Promise<Uint8Array> {
  if (inBrowser()) return svgToPngInBrowser(svg, dpi);
  const { Resvg } = (await import(
    /* @vite-ignore */ /* webpackIgnore: true */ RESVG
  )) as typeof import('@resvg/resvg-js');
  // Graphviz measures in points (72 per inch), and sizes text with Helvetica's metrics: Liberation Sans
  // has the same metrics, so text fits its box where that font is installed (fontdb falls back otherwise).
  const font = { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' };
  const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: dpi / 72 }, background: 'white', font }).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

async function svgToPngInBrowser(svg: string, dpi: number): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    // The image's size is in CSS pixels (96 per inch) for Graphviz's points: scale to the asked dpi.
    const scale = dpi / 96;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    const context = canvas.getContext('2d');
    if (!context)
      throw new ModelError(
        'plotModel: this browser gives no 2D canvas to draw the PNG on; ask for format: "svg" instead',
      );
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new ModelError('plotModel: the browser could not encode the PNG'))),
        'image/png',
      ),
    );
    return new Uint8Array(await png.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Draws a model (Keras's `plot_model`): DOT text, SVG text, or PNG bytes (Node). Graphviz and the
 * PNG renderer are imported only when a plot is made, so a program that never plots never loads them.
 * @example
 * ```ts
 * const model = new Sequential([input({ shape: [4] }), new Dense({ units: 2, name: 'out' })]);
 * const dot = await plotModel(model, { format: 'dot', showShapes: true }); // 'digraph ... out ...'
 * await plotModel(model, { format: 'svg', toFile: 'model.svg' }); // writes an SVG file (Node)
 * ```
 */
export async function plotModel(model: Model, options: PlotOptions & { format: 'png' }): Promise<Uint8Array>;
export async function plotModel(model: Model, options?: PlotOptions & { format?: 'dot' | 'svg' }): Promise<string>;
export async function plotModel(model: Model, options?: PlotOptions): Promise<string | Uint8Array>;
export async function plotModel(model: Model, options: PlotOptions = {}): Promise<string | Uint8Array> {
  const format = formatOf(options);
  if (!['dot', 'svg', 'png'].includes(format))
    throw new ModelError(`plotModel: format must be 'dot', 'svg' or 'png', received ${JSON.stringify(format)}`);
  const dpi = options.dpi ?? 96;
  if (!(dpi > 0))
    throw new ModelError(`plotModel: dpi must be a positive number, received ${JSON.stringify(options.dpi)}`);
  const path = options.to ?? options.toFile;
  if (path && inBrowser())
    throw new ModelError(
      `plotModel: a browser page cannot write files (to: ${JSON.stringify(path)}); use the returned ${format === 'png' ? 'bytes' : 'text'} instead`,
    );
  const dot = modelToDot(model, options);
  const result =
    format === 'dot' ? dot : format === 'svg' ? await dotToSvg(dot) : await svgToPng(await dotToSvg(dot), dpi);
  if (path) {
    const { writeFile } = (await import(
      /* @vite-ignore */ /* webpackIgnore: true */ NODE_FS
    )) as typeof import('node:fs/promises');
    await writeFile(path, result);
  }
  return result;
}
