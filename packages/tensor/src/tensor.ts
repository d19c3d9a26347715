import type { Backend, DataId } from './backend';
import type { DataFor, DType, TypedArray } from './dtype';
import { formatTensor } from './format';
import { StrataError, fmtShape } from './errors';
import { sizeOf, type ConcreteShape } from './shape';
import { engine, type Handle } from './engine';

/** Nested JS arrays as `array()` returns them and `tensor()` accepts them. */
export type NestedArray<T = number> = T | NestedArray<T>[];

/**
 * An immutable n-dimensional array on a backend. It is a handle on backend memory: free it with
 * `dispose()`, `using`, or `tidy()`; one that is dropped without that is reclaimed when garbage
 * collected, a safety net rather than the way to manage memory.
 * @example
 * ```ts
 * const t = tensor([[1, 2], [3, 4]]);
 * t.shape; // [2, 2]
 * console.log(await add(t, 1).array()); // [[2, 3], [4, 5]]
 * t.dispose();
 * ```
 */
export class Tensor<D extends DType = DType> {
  /** A number unique in this process, in creation order (errors and leak reports name tensors by it). */
  readonly id: number;
  /** The size of each axis; `[]` for a scalar. */
  readonly shape: readonly number[];
  /** The element type: 'float32', 'int32' or 'bool'. */
  readonly dtype: D;
  /** @internal where the data lives; null once disposed. Not enumerable: printers and deep-equal stay off the backend. */
  declare handle: Handle | null;
  /** @internal set by keep(): tidy() will not dispose this tensor. */
  kept = false;

  constructor(shape: ConcreteShape, dtype: D, handle: Handle) {
    this.id = engine.nextId();
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    Object.defineProperty(this, 'handle', { value: handle, writable: true, enumerable: false, configurable: true });
  }

  /** The number of axes. */
  get rank(): number {
    return this.shape.length;
  }
  /** The number of elements. */
  get size(): number {
    return sizeOf(this.shape);
  }
  /** True once disposed: the data is freed and the tensor cannot be used. */
  get isDisposed(): boolean {
    return this.handle === null;
  }

  /** @internal the live handle, or a clear error for a disposed tensor. */
  live(op = 'tensor'): Handle {
    if (this.handle === null) {
      throw new StrataError(
        `${op}: tensor ${this.id} (shape ${fmtShape(this.shape)}, ${this.dtype}) was disposed and cannot be used; ` +
          `keep it alive with keep() or return it from tidy() if it is still needed`,
      );
    }
    return this.handle;
  }

  /** @internal the backend data id, on `backend` (copied there on first use after a backend switch). */
  dataIdOn(backend: Backend, op = 'tensor'): DataId {
    return engine.moveTo(this, backend, op).dataId;
  }

  /**
   * Reads the values, as a fresh typed array in row-major order (bool reads as Uint8Array); works on every backend.
   * @example
   * ```ts
   * await tensor([[1, 2], [3, 4]]).data(); // Float32Array [1, 2, 3, 4]
   * ```
   */
  async data(): Promise<DataFor<D>> {
    const h = this.live('data');
    return engine.copyOut(await h.backend.tf.read(h.dataId), this.dtype) as DataFor<D>;
  }

  /**
   * Reads the values synchronously, where the backend can (`Backend.canReadSync`: cpu and wasm; WebGPU only in
   * browsers with a real GPU); prefer {@link Tensor.data}.
   */
  dataSync(): DataFor<D> {
    const h = this.live('dataSync');
    if (!h.backend.canReadSync) {
      throw new StrataError(
        `dataSync: backend '${h.backend.name}' cannot read synchronously; use await tensor.data() instead`,
      );
    }
    return engine.copyOut(h.backend.tf.readSync(h.dataId), this.dtype) as DataFor<D>;
  }

  /**
   * Reads the values as nested arrays (a number for a scalar).
   * @example
   * ```ts
   * await tensor([[1, 2], [3, 4]]).array(); // [[1, 2], [3, 4]]
   * ```
   */
  async array(): Promise<NestedArray<number>> {
    return toNested(await this.data(), this.shape);
  }

  /** {@link Tensor.array}, synchronously, where {@link Tensor.dataSync} works. */
  arraySync(): NestedArray<number> {
    return toNested(this.dataSync(), this.shape);
  }

  /** The shape, dtype and values as NumPy prints them (only the header where the backend cannot read synchronously). */
  toString(): string {
    const h = this.live('toString');
    const header = `Tensor(shape=${fmtShape(this.shape)}, dtype=${this.dtype})`;
    if (!h.backend.canReadSync) return `${header} (values on '${h.backend.name}': read them with await t.data())`;
    return `${header}\n${formatTensor(this.dataSync(), this.shape, this.dtype)}`;
  }

  /**
   * Frees the data now (a tensor still shared with another, as by `reshape`, keeps it alive); using it afterwards is an
   * error.
   */
  dispose(): void {
    engine.disposeTensor(this);
  }

  /** Disposes at the end of a `using` block. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}

function toNested(values: TypedArray, shape: readonly number[]): NestedArray<number> {
  if (shape.length === 0) return values[0];
  const build = (offset: number, axis: number): NestedArray<number> => {
    const n = shape[axis];
    if (axis === shape.length - 1) return Array.from(values.subarray(offset, offset + n));
    const step = sizeOf(shape.slice(axis + 1));
    return Array.from({ length: n }, (_, i) => build(offset + i * step, axis + 1));
  };
  return build(0, 0);
}

let variableCount = 0;

/**
 * A tensor whose value `assign()` replaces: what layers and optimizers keep their weights in.
 * Made with {@link variable}; tidy() never frees one.
 * @example
 * ```ts
 * const w = variable(zeros([2]), { name: 'w' });
 * w.assign(tensor([1, 2]));
 * ```
 */
export class Variable<D extends DType = DType> extends Tensor<D> {
  /** The name in errors, summaries and saved weights. */
  name: string;
  /** Whether optimizers update it and gradients are taken for it. */
  trainable: boolean;
  /** Applied by optimizers after each update (a layer's kernelConstraint, for example). */
  constraint?: (value: Tensor) => Tensor;

  /** @internal use variable() */
  constructor(initial: Tensor<D>, options: { trainable?: boolean; name?: string } = {}) {
    super(initial.shape, initial.dtype, engine.shareHandle(initial.live('variable')));
    this.trainable = options.trainable ?? true;
    this.name = options.name ?? `Variable_${variableCount++}`;
    engine.adopt(this);
  }

  /** Replaces the value; the new value must have the same shape and dtype. */
  assign(value: Tensor<D>): void {
    const h = this.live(`assign (variable '${this.name}')`);
    if (!(value instanceof Tensor)) {
      throw new StrataError(
        `assign: variable '${this.name}' expects a Tensor, received ${typeof value}; wrap values with tensor(...)`,
      );
    }
    if (
      value.dtype !== this.dtype ||
      value.shape.length !== this.shape.length ||
      value.shape.some((d, i) => d !== this.shape[i])
    ) {
      throw new StrataError(
        `assign: variable '${this.name}' has shape ${fmtShape(this.shape)} and dtype ${this.dtype}, ` +
          `received shape ${fmtShape(value.shape)} and dtype ${value.dtype}; cast or reshape the value first`,
      );
    }
    const next = engine.shareHandle(value.live('assign'));
    engine.replaceHandle(this, h, next);
  }
}
