import { tensorBoardTypes } from './proto';

// Summaries in TensorFlow 2's form (what tf.summary and so Keras write): each value is a tensor with
// the metadata of the plugin that draws it (scalars, histograms, text). Graphs are GraphDef bytes.

const DT_FLOAT = 1;
const DT_DOUBLE = 2;
const DT_STRING = 7;
const DATA_CLASS_SCALAR = 1;
const DATA_CLASS_TENSOR = 2;

/** The default bucket count of tf.summary.histogram. */
export const DEFAULT_HISTOGRAM_BUCKETS = 30;

function shape(dims: readonly number[]): { dim: { size: number }[] } {
  return { dim: dims.map((size) => ({ size })) };
}

function summaryEvent(
  step: number,
  wallTime: number,
  tag: string,
  plugin: string,
  dataClass: number,
  tensor: object,
): Uint8Array {
  const { Event } = tensorBoardTypes();
  const value = {
    tag,
    metadata: { plugin_data: { plugin_name: plugin, content: new Uint8Array(0) }, data_class: dataClass },
    tensor,
  };
  return Event.encode(Event.create({ wall_time: wallTime, step, summary: { value: [value] } })).finish();
}

/** The first record of every event file. */
export function fileVersionEvent(wallTime: number): Uint8Array {
  const { Event } = tensorBoardTypes();
  return Event.encode(Event.create({ wall_time: wallTime, file_version: 'brain.Event:2' })).finish();
}

/** A float32 scalar for the scalars plugin (tf.summary.scalar). */
export function scalarEvent(tag: string, value: number, step: number, wallTime: number): Uint8Array {
  return summaryEvent(step, wallTime, tag, 'scalars', DATA_CLASS_SCALAR, {
    dtype: DT_FLOAT,
    tensor_shape: shape([]),
    float_val: [value],
  });
}

/** A UTF-8 string for the text plugin (tf.summary.text); the plugin renders it as Markdown. */
export function textEvent(tag: string, text: string, step: number, wallTime: number): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  return summaryEvent(step, wallTime, tag, 'text', DATA_CLASS_TENSOR, {
    dtype: DT_STRING,
    tensor_shape: shape([]),
    string_val: [bytes],
  });
}

/**
 * tf.summary.histogram's buckets: `bucketCount` equal-width buckets from min to max as rows of
 * [left edge, right edge, count] (the maximum falls in the last bucket); all values equal give
 * buckets of zero width at that value with every count in the last; no values give no rows.
 *
 * @example
 * ```ts
 * histogramBuckets([0, 1, 2, 3], 2); // [[0, 1.5, 2], [1.5, 3, 2]]
 * ```
 */
export function histogramBuckets(values: ArrayLike<number>, bucketCount = DEFAULT_HISTOGRAM_BUCKETS): number[][] {
  if (values.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  const counts = new Array<number>(bucketCount).fill(0);
  if (max === min) {
    counts[bucketCount - 1] = values.length;
    return counts.map((c) => [min, min, c]);
  }
  const width = (max - min) / bucketCount;
  for (let i = 0; i < values.length; i++) counts[Math.min(Math.floor((values[i] - min) / width), bucketCount - 1)]++;
  const edge = (k: number) => (k === bucketCount ? max : min + ((max - min) * k) / bucketCount);
  return counts.map((c, k) => [edge(k), edge(k + 1), c]);
}

/** A histogram for the histograms plugin: a float64 [k, 3] tensor of histogramBuckets rows. */
export function histogramEvent(
  tag: string,
  values: ArrayLike<number>,
  step: number,
  wallTime: number,
  bucketCount?: number,
): Uint8Array {
  const rows = histogramBuckets(values, bucketCount);
  const content = new Float64Array(rows.flat());
  const tensor = {
    dtype: DT_DOUBLE,
    tensor_shape: shape([rows.length, 3]),
    tensor_content: new Uint8Array(content.buffer),
  };
  return summaryEvent(step, wallTime, tag, 'histograms', DATA_CLASS_TENSOR, tensor);
}

/** One node of a GraphDef: TensorBoard's graph tab draws `op` boxes joined by `input` edges. */
export interface GraphNode {
  name: string;
  op: string;
  input: string[];
}

/** An event holding a GraphDef of `nodes`. */
export function graphEvent(nodes: readonly GraphNode[], wallTime: number): Uint8Array {
  const { Event, GraphDef } = tensorBoardTypes();
  const graph = GraphDef.encode(
    GraphDef.create({ node: nodes.map((n) => ({ ...n })), versions: { producer: 1 } }),
  ).finish();
  return Event.encode(Event.create({ wall_time: wallTime, graph_def: graph })).finish();
}
