import {
  Tensor,
  argMax,
  cast,
  dispose,
  gather,
  mul,
  reshape,
  round,
  slice,
  tensor,
  tidy,
  type TensorLike,
  nest,
} from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { TrainingError, describeValue } from '../errors';
import { Dataset } from '../data/dataset';
import { nestTensors, type Nest, DATA } from '../utils/nest';
import { seededRandom, shuffleInPlace } from '../utils/random';
import type { ModelInputs, StepData, Targets } from './trainable';

/** What fit, evaluate and predict accept as data: tensors (or JS arrays), lists, records, or a Dataset. */
export type DataInput =
  | ModelInputs
  | TensorLike
  | readonly (Tensor | TensorLike)[]
  | { readonly [name: string]: Tensor | TensorLike }
  | Dataset<unknown>;

/** Batches for one pass, each owned by the consumer (dispose its tensors after the step). */
export interface EpochSource {
  /** Batches per epoch, or null when the data does not say. */
  readonly steps: number | null;
  epoch(): AsyncGenerator<StepData, void, undefined>;
  /** Frees the tensors the source made (converted arrays, validation splits). */
  dispose(): void;
}

/** Converts JS arrays to tensors (owned: listed in `made`); tensors pass through. */
function toTensors(x: unknown, what: string, made: Tensor[]): Nest<Tensor> | null {
  if (x === null || x === undefined) return null;
  if (x instanceof Tensor) return x;
  if (Array.isArray(x) && x.length > 0 && x.every((e) => e instanceof Tensor || e === null)) return x as Tensor[];
  if (Array.isArray(x) || ArrayBuffer.isView(x) || typeof x === 'number') {
    const t = tensor(x as TensorLike);
    made.push(t);
    return t;
  }
  if (nest.isRecord(x)) {
    return nest.map(
      x as Nest<unknown>,
      (leaf, path) => {
        if (leaf instanceof Tensor) return leaf;
        if (Array.isArray(leaf) || ArrayBuffer.isView(leaf)) {
          const t = tensor(leaf as TensorLike);
          made.push(t);
          return t;
        }
        throw new TrainingError(
          `${what}.${path} must be a Tensor or an array of numbers, received ${describeValue(leaf)}`,
        );
      },
      DATA,
    ) as Nest<Tensor>;
  }
  throw new TrainingError(
    `${what} must be a Tensor, an array of Tensors, a record of Tensors, nested arrays of numbers or a Dataset, received ${describeValue(x)}`,
  );
}

function leafCounts(x: Nest<Tensor> | null, what: string): [string, number][] {
  if (!x) return [];
  const out: [string, number][] = [];
  nest.map(
    x,
    (t, path) => {
      if (t === null) return null;
      if (t.rank === 0)
        throw new TrainingError(
          `${what}${path ? `[${path.replace(/^\[|\]$/g, '')}]` : ''} is a scalar; data needs a first axis of samples, received shape ${fmtShape(t.shape)}`,
        );
      out.push([`${what}${path ? (path.startsWith('[') ? path : `.${path}`) : ''}`, t.shape[0]]);
      return null;
    },
    DATA,
  );
  return out;
}

export interface ArraySourceOptions {
  batchSize: number;
  shuffle: boolean | 'batch';
  stepsPerEpoch?: number | null;
  classWeight?: Record<number, number> | null;
  seed?: number | string;
}

/**
 * In-memory data: per epoch, an order of sample indices (shuffled or not), and per batch one
 * gather (or slice) per tensor. With stepsPerEpoch, epochs continue where the last one stopped.
 */
export class ArraySource implements EpochSource {
  readonly size: number;
  readonly steps: number;
  private order: Int32Array;
  private cursor = 0;
  private random: () => number;
  private classWeights: Tensor | null = null;

  constructor(
    readonly x: Nest<Tensor>,
    readonly y: Nest<Tensor> | null,
    readonly sampleWeight: Nest<Tensor> | null,
    readonly options: ArraySourceOptions,
    private readonly made: Tensor[],
    owner: string,
  ) {
    const counts = [...leafCounts(x, 'x'), ...leafCounts(y, 'y'), ...leafCounts(sampleWeight, 'sampleWeight')];
    if (counts.length === 0) throw new TrainingError(`${owner}: x holds no tensors`);
    const n = counts[0][1];
    const bad = counts.find(([, c]) => c !== n);
    if (bad) {
      throw new TrainingError(
        `${owner}: ${counts[0][0]} and ${bad[0]} must have the same number of samples (first axis), but ${counts[0][0]} has ${n} and ${bad[0]} has ${bad[1]}`,
      );
    }
    if (n === 0) throw new TrainingError(`${owner}: the data holds no samples (first axis 0)`);
    this.size = n;
    const { batchSize, stepsPerEpoch } = options;
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new TrainingError(`${owner}: batchSize must be a positive integer, received ${JSON.stringify(batchSize)}`);
    this.steps = stepsPerEpoch ?? Math.ceil(n / batchSize);
    this.order = Int32Array.from({ length: n }, (_, i) => i);
    this.random = seededRandom(options.seed);
    if (options.classWeight) this.classWeights = classWeightTable(options.classWeight, owner);
    this.reorder();
  }

  private reorder(): void {
    if (this.options.shuffle === true) shuffleInPlace(this.order, this.random);
    else if (this.options.shuffle === 'batch') {
      const b = this.options.batchSize;
      const chunks = Array.from({ length: Math.ceil(this.size / b) }, (_, i) => i);
      shuffleInPlace(chunks, this.random);
      this.order = Int32Array.from(
        chunks.flatMap((c) => Array.from({ length: Math.min(b, this.size - c * b) }, (_, k) => c * b + k)),
      );
    }
  }

  /** The next batch of indices, starting a new pass (reshuffled) when the data is used up. */
  private nextIndices(): Int32Array {
    if (this.cursor >= this.size) {
      this.cursor = 0;
      this.reorder();
    }
    const end = Math.min(this.size, this.cursor + this.options.batchSize);
    const idx = this.order.subarray(this.cursor, end);
    this.cursor = end;
    return idx;
  }

  batch(indices: Int32Array): StepData {
    return tidy(() => {
      const contiguous = indices.every((v, i) => i === 0 || v === indices[i - 1] + 1);
      const idx = contiguous ? null : tensor(indices, [indices.length], 'int32');
      const take = (t: Tensor) =>
        idx
          ? gather(t, idx, 0)
          : slice(t, [indices[0], ...t.shape.slice(1).map(() => 0)], [indices.length, ...t.shape.slice(1)]);
      const x = nest.map(this.x, take, DATA) as ModelInputs;
      const y = this.y ? (nest.map(this.y, take, DATA) as Targets) : null;
      let sw = this.sampleWeight ? (nest.map(this.sampleWeight, take, DATA) as Targets) : null;
      if (this.classWeights) sw = applyClassWeights(this.classWeights, y, sw);
      return [x, y, sw] as StepData;
    });
  }

  async *epoch(): AsyncGenerator<StepData, void, undefined> {
    if (!this.options.stepsPerEpoch) {
      this.cursor = this.size; // a fresh (reshuffled) pass per epoch
    }
    for (let step = 0; step < this.steps; step++) yield this.batch(this.nextIndices());
  }

  dispose(): void {
    dispose(this.made);
    this.classWeights?.dispose();
    this.classWeights = null;
  }
}

function classWeightTable(classWeight: Record<number, number>, owner: string): Tensor {
  const entries = Object.entries(classWeight).map(([k, v]) => [Number(k), v] as const);
  if (entries.some(([k, v]) => !Number.isInteger(k) || k < 0 || typeof v !== 'number')) {
    throw new TrainingError(
      `${owner}: classWeight must map class indices (non-negative integers) to numbers, received ${JSON.stringify(classWeight)}`,
    );
  }
  const table = new Float32Array(Math.max(...entries.map(([k]) => k)) + 1).fill(1);
  for (const [k, v] of entries) table[k] = v;
  return tensor(table);
}

/** Per-sample weights from each sample's class (the argmax of one-hot labels, or the label itself). */
function applyClassWeights(table: Tensor, y: Targets | null, sw: Targets | null): Targets {
  if (!(y instanceof Tensor))
    throw new TrainingError(
      `classWeight needs one output with one tensor of labels; for several outputs pass sampleWeight instead`,
    );
  const labels =
    y.rank >= 2 && y.shape[y.rank - 1] > 1 ? argMax(y, -1) : cast(round(reshape(y, [y.shape[0]])), 'int32');
  const weights = gather(table, labels.rank > 1 ? reshape(labels, [labels.shape[0], -1]) : labels);
  if (sw instanceof Tensor) return mul(weights, sw);
  return weights;
}

/** A Dataset as batches: elements `[x, y]`, `[x, y, sampleWeight]`, or a bare x (for predict). */
export class DatasetSource implements EpochSource {
  private iterator: AsyncIterator<unknown> | null = null;
  /** Set when a pass with stepsPerEpoch ran out of data. */
  exhausted = false;

  constructor(
    readonly dataset: Dataset<unknown>,
    readonly stepsPerEpoch: number | null,
    private readonly owner: string,
  ) {}

  get steps(): number | null {
    return (
      this.stepsPerEpoch ??
      (this.dataset.cardinality !== null && Number.isFinite(this.dataset.cardinality) ? this.dataset.cardinality : null)
    );
  }

  private unpack(element: unknown): StepData {
    const made: Tensor[] = [];
    if (element instanceof Tensor) return [element, null, null];
    if (Array.isArray(element) && element.length >= 1 && element.length <= 3) {
      const [x, y, sw] = element;
      return [
        toTensors(x, 'x', made) as ModelInputs,
        toTensors(y, 'y', made) as Targets | null,
        toTensors(sw, 'sampleWeight', made) as Targets | null,
      ];
    }
    throw new TrainingError(
      `${this.owner}: dataset elements must be [x, y] or [x, y, sampleWeight] (or a tensor x for predict), received ${describeValue(element)}`,
    );
  }

  async *epoch(): AsyncGenerator<StepData, void, undefined> {
    if (this.stepsPerEpoch === null) {
      for await (const element of this.dataset) yield this.unpack(element);
      return;
    }
    for (let step = 0; step < this.stepsPerEpoch; step++) {
      this.iterator ??= this.dataset[Symbol.asyncIterator]();
      const r = await this.iterator.next();
      if (r.done) {
        this.exhausted = true;
        console.warn(
          `${this.owner}: the dataset ran out of data after ${step} of ${this.stepsPerEpoch} steps in this epoch; training stops here. Use dataset.repeat() so it can provide stepsPerEpoch × epochs batches`,
        );
        return;
      }
      yield this.unpack(r.value);
    }
  }

  dispose(): void {
    void this.iterator?.return?.(undefined);
    this.iterator = null;
  }
}

export interface SourceOptions extends Omit<ArraySourceOptions, 'batchSize'> {
  batchSize?: number;
}

/** The right source for what fit, evaluate or predict received. */
export function makeSource(
  owner: string,
  x: DataInput,
  y: unknown,
  sampleWeight: unknown,
  options: SourceOptions,
): EpochSource {
  if (x instanceof Dataset) {
    if (y !== undefined && y !== null)
      throw new TrainingError(
        `${owner}: with a Dataset as x, y must not be given: the dataset's elements hold the labels ([x, y] pairs)`,
      );
    if (sampleWeight)
      throw new TrainingError(
        `${owner}: with a Dataset as x, give sample weights in its elements ([x, y, sampleWeight]) instead of sampleWeight`,
      );
    return new DatasetSource(x, options.stepsPerEpoch ?? null, owner);
  }
  const made: Tensor[] = [];
  try {
    const xs = toTensors(x, 'x', made);
    if (!xs)
      throw new TrainingError(
        `${owner}: x is required: the model's inputs, as a Tensor, an array of Tensors, a record of Tensors or a Dataset`,
      );
    const ys = toTensors(y, 'y', made);
    const sws = toTensors(sampleWeight, 'sampleWeight', made);
    return new ArraySource(
      xs,
      ys,
      sws,
      {
        batchSize: options.batchSize ?? 32,
        shuffle: options.shuffle,
        stepsPerEpoch: options.stepsPerEpoch,
        classWeight: options.classWeight,
        seed: options.seed,
      },
      made,
      owner,
    );
  } catch (e) {
    dispose(made);
    throw e;
  }
}

/** Splits in-memory data into the first (1 - split) and the last `split` of the samples, as Keras's validationSplit. */
export function splitArrays(
  owner: string,
  x: DataInput,
  y: unknown,
  sampleWeight: unknown,
  split: number,
): { train: [unknown, unknown, unknown]; val: [unknown, unknown, unknown]; made: Tensor[] } {
  if (x instanceof Dataset)
    throw new TrainingError(
      `${owner}: validationSplit works on tensors only, not on a Dataset; pass validationData instead`,
    );
  if (!(split > 0 && split < 1))
    throw new TrainingError(
      `${owner}: validationSplit must be a number between 0 and 1, received ${JSON.stringify(split)}`,
    );
  const made: Tensor[] = [];
  const parts = [x, y, sampleWeight].map((d, i) => toTensors(d, ['x', 'y', 'sampleWeight'][i], made));
  const n = parts[0] ? (nest.flatten(parts[0], DATA)[0] as Tensor).shape[0] : 0;
  const at = Math.floor(n * (1 - split));
  if (at === 0 || at === n)
    throw new TrainingError(
      `${owner}: validationSplit ${split} of ${n} samples leaves ${at === 0 ? 'no training' : 'no validation'} data; use a larger data set or another split`,
    );
  const cut = (d: Nest<Tensor> | null, from: number, to: number) =>
    d === null
      ? null
      : nest.map(
          d,
          (t) => {
            const s = slice(t, [from, ...t.shape.slice(1).map(() => 0)], [to - from, ...t.shape.slice(1)]);
            made.push(s);
            return s;
          },
          DATA,
        );
  const train = parts.map((p) => cut(p, 0, at)) as [unknown, unknown, unknown];
  const val = parts.map((p) => cut(p, at, n)) as [unknown, unknown, unknown];
  return { train, val, made };
}

/** Frees the tensors of one batch. */
export function disposeBatch(batch: StepData): void {
  dispose(nestTensors(batch));
}
