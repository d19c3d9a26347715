import { TrainingError } from '../errors';
import { Callback, type BatchLogs, type Logs } from './callback';
import { logTensors } from './callback-list';
import { EventFileWriter, NodeLogSink, type LogSink } from './tensorboard/event-file-writer';
import { graphEvent, histogramEvent, scalarEvent, textEvent, type GraphNode } from './tensorboard/summaries';

/** The options of {@link TensorBoard} (Keras's names). */
export interface TensorBoardArgs {
  /** The run's folder (default `logs`); scalars go to `<logDir>/train` and `<logDir>/validation`. */
  logDir?: string;
  /** Every how many epochs to write weight histograms (0, the default: never). */
  histogramFreq?: number;
  /** Writes the model's graph (a GraphDef of its layers) and its `summary()` as text (default true). */
  writeGraph?: boolean;
  /** `'epoch'` (default), `'batch'` (every batch), or every N batches: when to write batch scalars. */
  updateFreq?: 'epoch' | 'batch' | number;
  /** Where the files go: the file system by default (Node); a MemoryLogSink in a browser. */
  sink?: LogSink;
}

// What the model may offer, by duck typing: training sits beneath the packages that define them.
interface GraphLike {
  readonly inputs: readonly unknown[];
  readonly nodes: readonly NodeLike[];
  nameOf(node: unknown): string;
  inputName(t: unknown): string;
}
interface NodeLike {
  readonly kind: string;
  readonly inputs: readonly { node: unknown; index: number }[];
  readonly layer?: { constructor: { className?: string; name: string } };
  readonly def?: { name: string };
}
interface Describable {
  graph?: GraphLike | null;
  summary?(options: { printFn: (line: string) => void }): string;
}

/** The layer graph as GraphDef nodes: inputs become Placeholders, layers their class names. */
function graphNodes(graph: GraphLike): GraphNode[] {
  const source = (t: { node: unknown; index: number }) => {
    if (graph.inputs.includes(t)) return graph.inputName(t);
    const name = graph.nameOf(t.node);
    return t.index > 0 ? `${name}:${t.index}` : name;
  };
  const inputs: GraphNode[] = graph.inputs.map((t) => ({ name: graph.inputName(t), op: 'Placeholder', input: [] }));
  const nodes = graph.nodes.map((n) => ({
    name: graph.nameOf(n),
    op:
      n.kind === 'layer'
        ? (n.layer?.constructor.className ?? n.layer?.constructor.name ?? 'Layer')
        : (n.def?.name ?? n.kind),
    input: n.inputs.map(source),
  }));
  return [...inputs, ...nodes];
}

/**
 * Keras's TensorBoard callback: writes event files that TensorBoard reads (`tensorboard --logdir
 * logs`). Epoch scalars as `epoch_<metric>` under `train/` and, for `val_` metrics,
 * `validation/`; batch scalars as `batch_<metric>` under `train/` when `updateFreq` asks; weight
 * histograms as `<weight name>/histogram`; the layer graph and the model's summary as text.
 *
 * @example
 * ```ts
 * await model.fit(x, y, { epochs: 5, validationSplit: 0.1,
 *   callbacks: [new TensorBoard({ logDir: 'logs/run1', histogramFreq: 1, updateFreq: 'batch' })] });
 * ```
 */
export class TensorBoard extends Callback {
  static override className = 'TensorBoard';
  /** The run's folder. */
  readonly logDir: string;
  /** Every how many epochs weight histograms are written (0: never). */
  readonly histogramFreq: number;
  /** Whether the model's graph and summary are written. */
  readonly writeGraph: boolean;
  /** `'epoch'`, or every how many batches batch scalars are written. */
  readonly updateFreq: 'epoch' | number;
  /** Where the event files go. */
  readonly sink: LogSink;
  #train: EventFileWriter | null = null;
  #validation: EventFileWriter | null = null;
  #globalBatch = 0;

  constructor(args: TensorBoardArgs = {}) {
    super();
    const known = new Set(['logDir', 'histogramFreq', 'writeGraph', 'updateFreq', 'sink']);
    const unknown = Object.keys(args).filter((k) => !known.has(k));
    if (unknown.length)
      throw new TrainingError(
        `TensorBoard: unknown option(s) ${unknown.join(', ')}; the options are ${[...known].join(', ')}`,
      );
    this.logDir = (args.logDir ?? 'logs').replace(/\/+$/, '');
    this.histogramFreq = args.histogramFreq ?? 0;
    if (!Number.isInteger(this.histogramFreq) || this.histogramFreq < 0) {
      throw new TrainingError(`TensorBoard: histogramFreq must be a whole number >= 0, received ${args.histogramFreq}`);
    }
    this.writeGraph = args.writeGraph ?? true;
    const freq = args.updateFreq ?? 'epoch';
    if (freq !== 'epoch' && freq !== 'batch' && !(Number.isInteger(freq) && (freq as number) > 0)) {
      throw new TrainingError(
        `TensorBoard: updateFreq must be 'epoch', 'batch' or a whole number > 0, received ${JSON.stringify(freq)}`,
      );
    }
    this.updateFreq = freq === 'batch' ? 1 : freq;
    this.sink = args.sink ?? new NodeLogSink();
  }

  override async onTrainBegin(): Promise<void> {
    this.#train = new EventFileWriter(`${this.logDir}/train`, this.sink);
    this.#validation = null;
    this.#globalBatch = 0;
    if (this.writeGraph) await this.#writeModel(this.#train);
  }

  async #writeModel(writer: EventFileWriter): Promise<void> {
    const model = this.model as unknown as Describable | null;
    const now = Date.now() / 1000;
    if (model?.graph) await writer.write(graphEvent(graphNodes(model.graph), now));
    if (typeof model?.summary === 'function') {
      const table = model.summary({ printFn: () => undefined });
      // Four spaces make a Markdown code block: the table keeps its columns.
      const markdown = table
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\n');
      await writer.write(textEvent('model_summary', markdown, 0, now));
    }
  }

  override async onTrainBatchEnd(_batch: number, logs: BatchLogs): Promise<void> {
    this.#globalBatch++;
    if (this.updateFreq === 'epoch' || this.#globalBatch % this.updateFreq !== 0 || !this.#train) return;
    const now = Date.now() / 1000;
    // Read the values asynchronously where fit gives their tensors: WebGPU in a page cannot read synchronously.
    const tensors = logTensors(logs);
    for (const name of Object.keys(logs)) {
      const value = tensors?.[name] ? (await tensors[name].data())[0] : logs[name];
      await this.#train.write(scalarEvent(`batch_${name}`, value, this.#globalBatch, now));
    }
  }

  override async onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    if (!this.#train) return;
    const now = Date.now() / 1000;
    const learningRate = this.trainer?.optimizer?.learningRate;
    const train: Logs = typeof learningRate === 'number' ? { learning_rate: learningRate } : {};
    const validation: Logs = {};
    for (const [name, value] of Object.entries(logs)) {
      if (name.startsWith('val_')) validation[name.slice(4)] = value;
      else train[name] = value;
    }
    for (const [name, value] of Object.entries(train))
      await this.#train.write(scalarEvent(`epoch_${name}`, value, epoch, now));
    if (Object.keys(validation).length > 0) {
      this.#validation ??= new EventFileWriter(`${this.logDir}/validation`, this.sink);
      for (const [name, value] of Object.entries(validation))
        await this.#validation.write(scalarEvent(`epoch_${name}`, value, epoch, now));
    }
    if (this.histogramFreq > 0 && epoch % this.histogramFreq === 0) await this.#writeHistograms(epoch, now);
  }

  async #writeHistograms(epoch: number, now: number): Promise<void> {
    for (const w of this.trainer?.weightVariables ?? []) {
      const values = await w.data();
      await this.#train!.write(
        histogramEvent(`${w.name.replace(/:/g, '_')}/histogram`, values as ArrayLike<number>, epoch, now),
      );
    }
  }

  override async onTrainEnd(): Promise<void> {
    await this.#train?.flush();
    await this.#validation?.flush();
  }
}
