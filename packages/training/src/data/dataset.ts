import { Tensor, dispose } from '@strata/tensor';
import { freshSeed, retain } from '@strata/tensor/internal';
import { TrainingError, describeValue } from '../errors';
import { seededRandom } from '../utils/random';
import { nestTensors, type Nest, DATA } from '../utils/nest';
import { Row, SliceSource, stackElements } from './slices';
import { nest } from '@strata/tensor';

type Item = unknown; // an element, or a Row not yet materialised
type Make = () => AsyncGenerator<Item, void, undefined>;

function materialise(item: Item): unknown {
  return item instanceof Row ? item.source.row(item.index) : item;
}

/** Frees an item dropped without being handed on (rows hold nothing). */
function drop(item: Item): void {
  if (!(item instanceof Row)) dispose(nestTensors(item));
}

/** Hands the caller its own handles on the tensors in a value it does not own (no copy is made). */
function owned<T>(x: T): T {
  return nest.map(x as Nest<unknown>, (leaf) => (leaf instanceof Tensor ? retain(leaf) : leaf), DATA) as T;
}

/** The options of {@link Dataset.shuffle}. */
export interface ShuffleOptions {
  /** The same seed gives the same order on every run. */
  seed?: number | string;
  /** A new order on each pass (default true); false repeats the first order. */
  reshuffleEachIteration?: boolean;
}

/**
 * A stream of elements for training (tf.data's Dataset): nested structures of tensors or JS values,
 * from tensors, arrays, generators or async iterables, transformed lazily with `map`, `batch`,
 * `shuffle`, `prefetch`, `repeat`, `take` and `skip`. Each pass makes new elements, owned by whoever
 * iterates: dispose them when done (fit does). Slices of tensors are cut lazily, so
 * `fromTensorSlices(...).shuffle(n).batch(b)` gathers each batch with one op per tensor.
 *
 * @example
 * ```ts
 * const ds = Dataset.fromTensorSlices([xTrain, yTrain]).shuffle(10000, { seed: 1 }).batch(64).prefetch(2);
 * await model.fit(ds, undefined, { epochs: 5 });
 * ```
 */
export class Dataset<T = unknown> implements AsyncIterable<T> {
  private constructor(
    private readonly make: Make,
    /** The number of elements, Infinity for an endless dataset, null when unknown (a generator). */
    readonly cardinality: number | null,
  ) {}

  /**
   * One element per index of the first axis of every tensor or array in `structure`.
   *
   * @example
   * ```ts
   * const ds = Dataset.fromTensorSlices({ x: tensor([[1, 2], [3, 4], [5, 6]]), y: tensor([0, 1, 0]) });
   * // three elements: { x: [1, 2], y: 0 }, { x: [3, 4], y: 1 }, { x: [5, 6], y: 0 }
   * ```
   */
  static fromTensorSlices<S>(structure: S): Dataset<S extends Tensor ? Tensor : unknown> {
    const source = new SliceSource(structure as never);
    return new Dataset(async function* () {
      for (let i = 0; i < source.size; i++) yield new Row(source, i);
    }, source.size);
  }

  /**
   * A dataset of one element: `structure` itself (the caller keeps its tensors; each pass yields new handles).
   *
   * @example
   * ```ts
   * const ds = Dataset.fromTensors(tensor([1, 2, 3])).repeat(4); // the same [1, 2, 3], four times
   * ```
   */
  static fromTensors<S>(structure: S): Dataset<S> {
    return new Dataset(async function* () {
      yield owned(structure);
    }, 1);
  }

  /**
   * One element per entry of `elements` (tensors in them stay the caller's; each pass yields new handles).
   *
   * @example
   * ```ts
   * const ds = Dataset.fromArray([{ x: [0, 1], y: 1 }, { x: [1, 0], y: 0 }]).batch(2); // x [2, 2], y [2]
   * ```
   */
  static fromArray<E>(elements: readonly E[]): Dataset<E> {
    if (!Array.isArray(elements))
      throw new TrainingError(`Dataset.fromArray: expected an array of elements, received ${describeValue(elements)}`);
    return new Dataset(async function* () {
      for (const e of elements) yield owned(e);
    }, elements.length);
  }

  /**
   * Elements from a generator function, called anew for each pass (sync or async; it owns nothing it yields).
   *
   * @example
   * ```ts
   * const ds = Dataset.fromGenerator(function* () {
   *   for (let i = 0; i < 100; i++) yield [[i / 100], [2 * (i / 100)]];
   * }).batch(10);
   * ```
   */
  static fromGenerator<E>(
    generator: () => Iterator<E> | AsyncIterator<E> | Iterable<E> | AsyncIterable<E>,
  ): Dataset<E> {
    if (typeof generator !== 'function')
      throw new TrainingError(
        `Dataset.fromGenerator: expected a function returning an iterator, received ${describeValue(generator)}`,
      );
    return new Dataset(async function* () {
      const made = generator() as unknown as Record<symbol, unknown> & Iterator<E>;
      const it: Iterator<E> | AsyncIterator<E> =
        typeof made[Symbol.asyncIterator] === 'function'
          ? (made[Symbol.asyncIterator] as () => AsyncIterator<E>)()
          : typeof made[Symbol.iterator] === 'function'
            ? (made[Symbol.iterator] as () => Iterator<E>)()
            : made;
      try {
        for (;;) {
          const r = await it.next();
          if (r.done) return;
          yield r.value;
        }
      } finally {
        await it.return?.();
      }
    }, null);
  }

  /**
   * Elements from an async iterable; it can be iterated once unless it makes a new iterator each time.
   *
   * @example
   * ```ts
   * async function* lines() {
   *   for (const row of await fetchRows()) yield { x: row.features, y: row.label };
   * }
   * const ds = Dataset.fromAsyncIterable(lines()).batch(32); // one pass: the generator is used up
   * ```
   */
  static fromAsyncIterable<E>(iterable: AsyncIterable<E>): Dataset<E> {
    if (!iterable || typeof (iterable as AsyncIterable<E>)[Symbol.asyncIterator] !== 'function') {
      throw new TrainingError(
        `Dataset.fromAsyncIterable: expected an async iterable, received ${describeValue(iterable)}`,
      );
    }
    return Dataset.fromGenerator(() => iterable[Symbol.asyncIterator]());
  }

  /**
   * Each element passed through `fn` (it receives its own element: dispose what it does not return).
   *
   * @example
   * ```ts
   * const scaled = Dataset.fromTensorSlices(images).map((x) => {
   *   const y = div(x, 255);
   *   x.dispose();
   *   return y;
   * });
   * ```
   */
  map<U>(fn: (element: T) => U | Promise<U>): Dataset<U> {
    const upstream = this.make;
    return new Dataset(async function* () {
      for await (const item of upstream()) {
        const element = materialise(item) as T;
        let out: U;
        try {
          out = await fn(element);
        } catch (e) {
          drop(element);
          throw e;
        }
        const kept = new Set(nestTensors(out));
        dispose(nestTensors(element).filter((t) => !kept.has(t)));
        yield out;
      }
    }, this.cardinality);
  }

  /**
   * Groups consecutive elements into batches, stacking each tensor (and JS value) on a new first axis.
   *
   * @example
   * ```ts
   * const ds = Dataset.fromArray([1, 2, 3, 4, 5]).batch(2); // [1, 2], [3, 4], [5]
   * const even = Dataset.fromArray([1, 2, 3, 4, 5]).batch(2, { dropRemainder: true }); // [1, 2], [3, 4]
   * ```
   */
  batch(batchSize: number, { dropRemainder = false } = {}): Dataset<T extends Tensor ? Tensor : unknown> {
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new TrainingError(
        `Dataset.batch: batchSize must be a positive integer, received ${JSON.stringify(batchSize)}`,
      );
    const upstream = this.make;
    const emit = (items: Item[]): unknown => {
      const source = items[0] instanceof Row ? items[0].source : null;
      if (source && items.every((r) => r instanceof Row && r.source === source))
        return source.rows(items.map((r) => (r as Row).index));
      return stackElements(items.map(materialise));
    };
    const n = this.cardinality;
    const card =
      n === null || n === Infinity ? n : dropRemainder ? Math.floor(n / batchSize) : Math.ceil(n / batchSize);
    return new Dataset(async function* () {
      let pending: Item[] = [];
      try {
        for await (const item of upstream()) {
          pending.push(item);
          if (pending.length === batchSize) {
            const out = emit(pending);
            pending = [];
            yield out;
          }
        }
        if (pending.length > 0 && !dropRemainder) {
          const out = emit(pending);
          pending = [];
          yield out;
        }
      } finally {
        pending.forEach(drop);
      }
    }, card) as never;
  }

  /**
   * Shuffles with a buffer of `bufferSize` elements (a full shuffle when it holds the whole dataset), seeded.
   *
   * @example
   * ```ts
   * const ds = Dataset.fromTensorSlices([x, y]).shuffle(1000, { seed: 42 }).batch(32);
   * ```
   */
  shuffle(bufferSize: number, options: ShuffleOptions = {}): Dataset<T> {
    if (!Number.isInteger(bufferSize) || bufferSize < 1)
      throw new TrainingError(
        `Dataset.shuffle: bufferSize must be a positive integer, received ${JSON.stringify(bufferSize)}`,
      );
    const upstream = this.make;
    const reshuffle = options.reshuffleEachIteration ?? true;
    const baseSeed = options.seed ?? freshSeed();
    let pass = 0;
    return new Dataset(async function* () {
      const random = seededRandom(reshuffle ? `${baseSeed}/${pass++}` : baseSeed);
      const buffer: Item[] = [];
      try {
        for await (const item of upstream()) {
          if (buffer.length < bufferSize) {
            buffer.push(item);
            continue;
          }
          const j = Math.floor(random() * buffer.length);
          const out = buffer[j];
          buffer[j] = item;
          yield out;
        }
        while (buffer.length > 0) {
          const j = Math.floor(random() * buffer.length);
          const out = buffer[j];
          buffer[j] = buffer[buffer.length - 1];
          buffer.pop();
          yield out;
        }
      } finally {
        buffer.forEach(drop);
      }
    }, this.cardinality);
  }

  /**
   * Keeps up to `bufferSize` elements requested ahead, so a slow (async) source overlaps with training.
   *
   * @example
   * ```ts
   * const ds = Dataset.fromGenerator(loadBatchesSlowly).prefetch(4);
   * ```
   */
  prefetch(bufferSize = 1): Dataset<T> {
    if (!Number.isInteger(bufferSize) || bufferSize < 1)
      throw new TrainingError(
        `Dataset.prefetch: bufferSize must be a positive integer, received ${JSON.stringify(bufferSize)}`,
      );
    const upstream = this.make;
    return new Dataset(async function* () {
      const it = upstream();
      const ahead: Promise<IteratorResult<Item, void>>[] = [];
      let finished = false;
      try {
        for (;;) {
          while (!finished && ahead.length < bufferSize + 1) ahead.push(it.next());
          const r = await ahead.shift()!;
          if (r.done) {
            finished = true;
            if (ahead.length === 0) return;
            continue;
          }
          yield r.value;
        }
      } finally {
        for (const p of ahead)
          p.then(
            (r) => !r.done && drop(r.value),
            () => undefined,
          );
        await it.return(undefined);
      }
    }, this.cardinality);
  }

  /**
   * Passes over the data `count` times (default: forever).
   *
   * @example
   * ```ts
   * const ds = Dataset.fromArray([1, 2]).repeat(3); // 1, 2, 1, 2, 1, 2
   * ```
   */
  repeat(count = Infinity): Dataset<T> {
    if (!(count === Infinity || (Number.isInteger(count) && count >= 0)))
      throw new TrainingError(
        `Dataset.repeat: count must be a non-negative integer or Infinity, received ${JSON.stringify(count)}`,
      );
    const upstream = this.make;
    const n = this.cardinality;
    return new Dataset(
      async function* () {
        for (let i = 0; i < count; i++) {
          let any = false;
          for await (const item of upstream()) {
            any = true;
            yield item;
          }
          if (!any) return;
        }
      },
      n === null ? null : n === 0 ? 0 : count === Infinity ? Infinity : n * count,
    );
  }

  /**
   * The first `count` elements.
   *
   * @example
   * ```ts
   * const ds = Dataset.fromArray([1, 2, 3, 4]).take(2); // 1, 2
   * ```
   */
  take(count: number): Dataset<T> {
    if (!Number.isInteger(count) || count < 0)
      throw new TrainingError(`Dataset.take: count must be a non-negative integer, received ${JSON.stringify(count)}`);
    const upstream = this.make;
    return new Dataset(
      async function* () {
        if (count === 0) return;
        let i = 0;
        for await (const item of upstream()) {
          yield item;
          if (++i >= count) return;
        }
      },
      this.cardinality === null ? null : Math.min(this.cardinality, count),
    );
  }

  /**
   * All but the first `count` elements.
   *
   * @example
   * ```ts
   * const ds = Dataset.fromArray([1, 2, 3, 4]).skip(2); // 3, 4
   * ```
   */
  skip(count: number): Dataset<T> {
    if (!Number.isInteger(count) || count < 0)
      throw new TrainingError(`Dataset.skip: count must be a non-negative integer, received ${JSON.stringify(count)}`);
    const upstream = this.make;
    return new Dataset(
      async function* () {
        let i = 0;
        for await (const item of upstream()) {
          if (i++ < count) drop(item);
          else yield item;
        }
      },
      this.cardinality === null ? null : Math.max(0, this.cardinality - count),
    );
  }

  /** Iterates the elements (each one owned by the caller). */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const item of this.make()) yield materialise(item) as T;
  }

  /**
   * Every element, in a list (for small datasets and tests).
   *
   * @example
   * ```ts
   * const batches = await Dataset.fromArray([1, 2, 3]).batch(2).toArray(); // two tensors: [1, 2] and [3]
   * ```
   */
  async toArray(): Promise<T[]> {
    const out: T[] = [];
    for await (const e of this) out.push(e);
    return out;
  }
}
