import { tensorBoardTypes } from './proto';
import { readRecords } from './tfrecord';

/** A decoded summary value: its tag, plugin, and the tensor's values (numbers, or strings for text). */
export interface ReadSummary {
  /** The summary's name (`epoch_loss`, a weight's path). */
  tag: string;
  /** The TensorBoard plugin it belongs to (`scalars`, `histograms`, `text`). */
  plugin: string;
  /** The shape of the summary's tensor. */
  shape: number[];
  /** The tensor's values: numbers, or strings for text. */
  values: number[] | string[];
}

/** A decoded Event (the fields these writers use). */
export interface ReadEvent {
  /** When the event was written, in seconds since the epoch. */
  wallTime: number;
  /** The step (epoch or batch) the event belongs to. */
  step: number;
  /** The file version, on the first event of a file only (`brain.Event:2`). */
  fileVersion?: string;
  /** The nodes of a graph event (the model's layers), or absent. */
  graph?: {
    /** The node's name (the layer's). */
    name: string;
    /** The node's op (the layer's class name). */
    op: string;
    /** The names of the nodes feeding it. */
    input: string[];
  }[];
  /** The summaries the event holds (empty for the file-version and graph events). */
  summaries: ReadSummary[];
}

interface TensorMessage {
  dtype?: number;
  tensor_shape?: { dim?: { size: number | { toNumber(): number } }[] };
  tensor_content?: Uint8Array;
  float_val?: number[];
  double_val?: number[];
  string_val?: Uint8Array[];
}

const toNumber = (x: number | { toNumber(): number }) => (typeof x === 'number' ? x : x.toNumber());

function tensorValues(t: TensorMessage): number[] | string[] {
  if (t.string_val?.length) return t.string_val.map((b) => new TextDecoder().decode(b));
  if (t.tensor_content?.length) {
    const bytes = t.tensor_content.slice();
    return Array.from(t.dtype === 2 ? new Float64Array(bytes.buffer) : new Float32Array(bytes.buffer));
  }
  return [...(t.float_val ?? []), ...(t.double_val ?? [])];
}

/**
 * Reads an event file back: checks every record's framing and CRCs, decodes each Event. The
 * project's own reader, for tests and tools; TensorBoard itself is the reference reader.
 *
 * @example
 * ```ts
 * const events = readEventFile(await readFile('logs/train/events.out.tfevents.1700000000.host.1.v2'));
 * events.flatMap((e) => e.summaries).filter((s) => s.tag === 'epoch_loss'); // one per epoch
 * ```
 */
export function readEventFile(file: Uint8Array): ReadEvent[] {
  const { Event, GraphDef } = tensorBoardTypes();
  return readRecords(file).map((record) => {
    const e = Event.toObject(Event.decode(record), { longs: Number, defaults: false }) as {
      wall_time?: number;
      step?: number;
      file_version?: string;
      graph_def?: Uint8Array;
      summary?: {
        value?: { tag: string; metadata?: { plugin_data?: { plugin_name?: string } }; tensor?: TensorMessage }[];
      };
    };
    const out: ReadEvent = { wallTime: e.wall_time ?? 0, step: e.step ?? 0, summaries: [] };
    if (e.file_version) out.fileVersion = e.file_version;
    if (e.graph_def) {
      const g = GraphDef.toObject(GraphDef.decode(e.graph_def), { arrays: true }) as ReadEvent & {
        node: ReadEvent['graph'];
      };
      out.graph = g.node;
    }
    for (const v of e.summary?.value ?? []) {
      const shape = (v.tensor?.tensor_shape?.dim ?? []).map((d) => toNumber(d.size));
      out.summaries.push({
        tag: v.tag,
        plugin: v.metadata?.plugin_data?.plugin_name ?? '',
        shape,
        values: v.tensor ? tensorValues(v.tensor) : [],
      });
    }
    return out;
  });
}
