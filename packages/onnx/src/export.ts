import { classNameOf } from '@strata/layers/internal';
import type { SymbolicTensor } from '@strata/graph';
import type { Graph } from '@strata/graph/internal';
import type { Model } from '@strata/models';
import { OnnxBuilder } from './builder';
import { convertGraph, type ExportContext } from './convert-graph';
import { onnxType } from './dtypes';
import { OnnxExportError } from './errors';
import { encodeModel } from './proto/encode';

/** Options of {@link exportOnnx}. */
export interface OnnxExportOptions {
  /** The ONNX opset (default 17; 13 to 21). */
  opset?: number;
  /** Name the batch axis 'batch' so any batch size runs (default true); false fixes it to `batchSize`. */
  dynamicBatch?: boolean;
  /** The batch size when `dynamicBatch` is false (default: the model's own, else 1). */
  batchSize?: number;
  /** The ONNX graph's name (default: the model's). */
  graphName?: string;
}

/** The ONNX opset written unless `opset` says otherwise. */
export const DEFAULT_OPSET = 17;
/** The oldest opset the exporter writes. */
export const MIN_OPSET = 13;
/** The newest opset the exporter writes. */
export const MAX_OPSET = 21;

/** The IR version each opset came with (onnx/helper.py's VERSION_TABLE). */
function irVersionFor(opset: number): number {
  if (opset <= 14) return 7;
  if (opset <= 18) return 8;
  if (opset <= 20) return 9;
  return 10;
}

function graphOf(model: Model): Graph {
  const graph = model.graph;
  if (graph) return graph;
  if (model.traceError) {
    const why = model.traceError instanceof Error ? model.traceError.message : String(model.traceError);
    throw new OnnxExportError(
      `cannot export model "${model.name}": its call() could not be traced on symbolic inputs (${why})`,
    );
  }
  throw new OnnxExportError(
    `cannot export model "${model.name}" (${classNameOf(model)}): its input shape is unknown. ` +
      'Call it once on data, or call model.build(inputShape) first (e.g. model.build([null, 784]))',
  );
}

function valueInfo(
  name: string,
  x: SymbolicTensor,
  batch: { dimParam: string } | { dimValue: number },
): Record<string, unknown> {
  const dim = x.shape.map((d, i) => (d !== null ? { dimValue: d } : i === 0 ? batch : { dimParam: `${name}_dim${i}` }));
  return { name, type: { tensorType: { elemType: onnxType(x.dtype), shape: { dim } } } };
}

/**
 * The bytes of an .onnx file computing `model`'s predictions (inference: dropout and noise layers are
 * identities, batch normalization uses its moving statistics). Works for Sequential, Functional and
 * subclassed models (their traced call()). A layer or op with no ONNX translation throws an
 * OnnxExportError naming it and why.
 * @example
 * ```ts
 * const bytes = await exportOnnx(model, { opset: 17 });
 * const session = await ort.InferenceSession.create(bytes); // onnxruntime-node or onnxruntime-web
 * ```
 */
export async function exportOnnx(model: Model, options: OnnxExportOptions = {}): Promise<Uint8Array> {
  const opset = options.opset ?? DEFAULT_OPSET;
  if (!Number.isInteger(opset) || opset < MIN_OPSET || opset > MAX_OPSET) {
    throw new OnnxExportError(
      `exportOnnx: opset must be an integer from ${MIN_OPSET} to ${MAX_OPSET}, received ${opset}`,
    );
  }
  const graph = graphOf(model);
  const dynamic = options.dynamicBatch ?? true;
  const fixed = options.batchSize ?? graph.inputs.find((x) => x.shape[0] !== null)?.shape[0] ?? 1;
  if (!dynamic && (!Number.isInteger(fixed) || (fixed as number) < 1)) {
    throw new OnnxExportError(`exportOnnx: batchSize must be a positive integer, received ${fixed}`);
  }
  const batch = dynamic ? { dimParam: 'batch' } : { dimValue: fixed as number };
  const b = new OnnxBuilder(opset);
  const ctx: ExportContext = { b, scratch: [], path: [] };
  try {
    const inputNames = graph.inputs.map((x) => b.fresh(graph.inputName(x)));
    const results = convertGraph(ctx, graph, inputNames);
    const outputNames = (model.outputNames ?? results.map((_, i) => `output_${i}`)).map((n) => b.fresh(n));
    for (const [i, r] of results.entries()) b.node('Identity', [r], {}, [outputNames[i]]);
    const initializer = await b.initializerProtos();
    const onnxGraph = {
      name: options.graphName ?? model.name,
      node: b.nodes,
      initializer,
      input: graph.inputs.map((x, i) => valueInfo(inputNames[i], x, batch)),
      output: graph.outputs.map((x, i) => valueInfo(outputNames[i], x, batch)),
    };
    return encodeModel({
      irVersion: irVersionFor(opset),
      opsetImport: [{ domain: '', version: opset }],
      producerName: 'strata',
      producerVersion: '0.1.0',
      graph: onnxGraph,
    });
  } finally {
    for (const n of ctx.scratch) n.disposeConstants();
  }
}
