import type { Backend, BackendFactory, DataId, TensorInfo } from './backend';
import { toTypedArray, bytesPerElement, type DType, type TypedArray } from './dtype';
import { StrataError } from './errors';
import { sizeOf, type ConcreteShape } from './shape';
import { Tensor } from './tensor';
import { isRecord } from './nest';

const SHARED = Symbol('strata.handles');
// The bytes memory() counted for a data id when its first handle was made. A kernel may hand back its
// input's data id under another dtype (tfjs's Cast from bool to float32 is an identity): the bytes
// released with the last handle must be those counted, or memory().numBytes drifts with every cast.
const COUNTED = Symbol('strata.countedBytes');

/** Where one tensor's data lives. Several tensors may share a data id (backends count references). */
export interface Handle {
  dataId: DataId;
  backend: Backend;
  bytes: number;
}

/** Something that watches every eager op as it runs: the gradient tape implements this. */
export interface OpRecord {
  /** The op's name (its {@link OpDef.name}). */
  op: string;
  /** The tensors it was given (JS values already converted). */
  inputs: readonly Tensor[];
  /** The tensors it returned. */
  outputs: readonly Tensor[];
  /** Its attributes (axis, strides, ...), as the op definition received them. */
  attrs: unknown;
}
/** Sees every op that runs (autodiff's tape is one); register with `engine.addObserver`. */
export interface OpObserver {
  /**
   * Called after each eager op. Inputs made from JS numbers or arrays are disposed right after this
   * returns, and callers may dispose the rest at any time: keep what you need with `retain()`.
   */
  onOp(record: OpRecord): void;
}

/** What {@link memory} reports: live tensors and their bytes, in total and per backend. */
export interface MemoryInfo {
  /** Live (not disposed) tensors. */
  numTensors: number;
  /** Bytes of their data (tensors sharing data are counted once). */
  numBytes: number;
  /** The same two counts for each backend that holds tensors. */
  backends: Record<
    string,
    {
      /** Live tensors on this backend. */
      numTensors: number;
      /** Bytes of their data. */
      numBytes: number;
    }
  >;
}

/** The process-wide state: backends, memory accounting, tidy scopes and op observers. */
class Engine {
  private ids = 0;
  private factories = new Map<string, BackendFactory & { createSync?: () => Backend }>();
  private started = new Map<string, Backend>();
  private current: Backend | null = null;
  private pending: Promise<Backend> | null = null;
  private scopes: Set<Tensor>[] = [];
  private observers: OpObserver[] = [];
  private tensorsPerBackend = new Map<string, number>();
  private bytesPerBackend = new Map<string, number>();
  // The safety net for tensors dropped without dispose(): frees their data once garbage collected.
  private finalizer = new FinalizationRegistry<Handle>((h) => {
    this.release(h);
    this.count(h.backend.name, -1);
  });
  // Registering with a FinalizationRegistry costs ~2 µs, as much as a small op: tensors wait here
  // and are registered in a batch at the next microtask (or when many are waiting), so the
  // short-lived ones, disposed before that, never pay for it.
  private unregistered = new Set<Tensor>();
  private dependents = new WeakMap<Tensor, Tensor[]>();
  private ownerCounts = new WeakMap<Tensor, number>();
  private flushScheduled = false;

  nextId(): number {
    return ++this.ids;
  }

  // ---- backends ----
  registerBackend(factory: BackendFactory & { createSync?: () => Backend }): void {
    this.factories.set(factory.name, factory);
  }

  registeredBackends(): string[] {
    return [...this.factories.keys()];
  }

  async setBackend(which: string | BackendFactory): Promise<Backend> {
    const factory = typeof which === 'string' ? this.factories.get(which) : which;
    if (!factory) {
      throw new StrataError(
        `setBackend: no backend named '${which}' is registered (registered: ${this.registeredBackends().join(', ') || 'none'}); ` +
          `pass a factory instead, e.g. await setBackend(wasm())`,
      );
    }
    if (typeof which !== 'string' && !this.factories.has(factory.name)) this.registerBackend(factory);
    const start = this.startBackend(factory);
    this.pending = start;
    try {
      this.current = await start;
    } finally {
      if (this.pending === start) this.pending = null;
    }
    return this.current;
  }

  private async startBackend(factory: BackendFactory): Promise<Backend> {
    const have = this.started.get(factory.name);
    if (have) return have;
    const backend = await factory.create();
    this.started.set(factory.name, backend);
    return backend;
  }

  async ready(): Promise<void> {
    if (this.pending) await this.pending;
    else this.backend();
  }

  /** The active backend; with none set, starts the first registered one that can start synchronously. */
  backend(): Backend {
    if (this.current) return this.current;
    if (this.pending)
      throw new StrataError(
        'a backend is still starting: await ready() (or the setBackend promise) before running ops',
      );
    for (const f of this.factories.values()) {
      if (f.createSync) {
        const b = this.started.get(f.name) ?? f.createSync();
        this.started.set(f.name, b);
        this.current = b;
        return b;
      }
    }
    throw new StrataError(
      "no backend is set: call await setBackend(cpu()) (from '@strata/backend-cpu'), or import 'strata', which registers one",
    );
  }

  backendName(): string {
    return this.backend().name;
  }

  // ---- tensors and memory ----
  /** Wraps backend data as a new tensor, tracked by the innermost tidy scope. */
  makeTensor<D extends DType>(info: { dataId: DataId }, shape: ConcreteShape, dtype: D, backend: Backend): Tensor<D> {
    const handle = this.track(info.dataId, backend, sizeOf(shape) * bytesPerElement(dtype));
    const t = new Tensor(shape, dtype, handle);
    this.watchForGc(t);
    this.count(backend.name, 1);
    this.scopes[this.scopes.length - 1]?.add(t);
    return t;
  }

  /** Writes host values to the active backend as a new tensor. */
  fromValues<D extends DType>(values: TypedArray, shape: ConcreteShape, dtype: D, backend = this.backend()): Tensor<D> {
    const dataId = backend.tf.write(values, [...shape], dtype);
    return this.makeTensor({ dataId }, shape, dtype, backend);
  }

  private watchForGc(t: Tensor): void {
    this.unregistered.add(t);
    if (this.unregistered.size >= 4096) this.flushGcWatch();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => this.flushGcWatch());
    }
  }

  private flushGcWatch(): void {
    this.flushScheduled = false;
    for (const t of this.unregistered) if (t.handle) this.finalizer.register(t, t.handle, t);
    this.unregistered.clear();
  }

  private forgetForGc(t: Tensor): void {
    if (!this.unregistered.delete(t)) this.finalizer.unregister(t);
  }

  // Each backend data id carries how many Strata handles share it, so memory() counts its bytes once.
  private track(dataId: DataId, backend: Backend, bytes: number): Handle {
    const d = dataId as { [SHARED]?: number; [COUNTED]?: number };
    const n = d[SHARED] ?? 0;
    d[SHARED] = n + 1;
    if (n === 0) {
      d[COUNTED] = bytes;
      this.bytesPerBackend.set(backend.name, (this.bytesPerBackend.get(backend.name) ?? 0) + bytes);
    }
    return { dataId, backend, bytes };
  }

  private count(backend: string, delta: number): void {
    this.tensorsPerBackend.set(backend, (this.tensorsPerBackend.get(backend) ?? 0) + delta);
  }

  /** A second reference to the same backend data (no copy): what Variables and tapes hold on to. */
  shareHandle(h: Handle): Handle {
    h.backend.tf.incRef(h.dataId);
    return this.track(h.dataId, h.backend, h.bytes);
  }

  /** Accounts for a tensor built around a handle it already holds (Variables), outside tidy scopes. */
  adopt(t: Tensor): void {
    const h = t.live('adopt');
    this.watchForGc(t);
    this.count(h.backend.name, 1);
  }

  /** A new tensor sharing `t`'s data, outside every tidy scope: dispose it when done. */
  retain<D extends DType>(t: Tensor<D>): Tensor<D> {
    const h = this.shareHandle(t.live('retain'));
    const r = new Tensor(t.shape, t.dtype, h);
    this.watchForGc(r);
    this.count(h.backend.name, 1);
    return r;
  }

  private release(h: Handle): void {
    h.backend.tf.disposeData(h.dataId);
    const d = h.dataId as { [SHARED]?: number; [COUNTED]?: number };
    d[SHARED] = (d[SHARED] ?? 1) - 1;
    if (d[SHARED] === 0) {
      const counted = d[COUNTED] ?? h.bytes;
      this.bytesPerBackend.set(h.backend.name, (this.bytesPerBackend.get(h.backend.name) ?? 0) - counted);
    }
  }

  disposeTensor(t: Tensor): void {
    const h = t.handle;
    if (h === null) return;
    t.handle = null;
    this.forgetForGc(t);
    this.release(h);
    this.count(h.backend.name, -1);
    for (const s of this.scopes) s.delete(t);
    const deps = this.dependents.get(t);
    if (deps) {
      this.dependents.delete(t);
      for (const d of deps) {
        const owners = (this.ownerCounts.get(d) ?? 1) - 1;
        this.ownerCounts.set(d, owners);
        if (owners <= 0) this.disposeTensor(d);
      }
    }
  }

  /**
   * Makes `dependent` live as long as `owner` (a mask beside the tensor it describes): it leaves
   * every tidy scope and is disposed when its last owner is, or collected with them.
   */
  /** True while some tensor owns `t` through attach(). */
  isAttached(t: Tensor): boolean {
    return (this.ownerCounts.get(t) ?? 0) > 0;
  }

  attach(owner: Tensor, dependent: Tensor): void {
    for (const s of this.scopes) s.delete(dependent);
    this.ownerCounts.set(dependent, (this.ownerCounts.get(dependent) ?? 0) + 1);
    const list = this.dependents.get(owner);
    if (list) list.push(dependent);
    else this.dependents.set(owner, [dependent]);
  }

  /** @internal Variable.assign: swap the handle a live tensor points at. */
  replaceHandle(t: Tensor, old: Handle, next: Handle): void {
    this.forgetForGc(t);
    this.release(old);
    t.handle = next;
    this.watchForGc(t);
    if (old.backend !== next.backend) {
      this.count(old.backend.name, -1);
      this.count(next.backend.name, 1);
    }
  }

  /** Makes sure `t`'s data is on `backend`, copying it there once if it was made on another. */
  moveTo(t: Tensor, backend: Backend, op: string): Handle {
    const h = t.live(op);
    if (h.backend === backend) return h;
    if (!h.backend.canReadSync) {
      throw new StrataError(
        `${op}: tensor ${t.id} lives on backend '${h.backend.name}', which cannot be read synchronously to move it to '${backend.name}'; ` +
          `read it first (const v = await t.data()) and make a new tensor from v`,
      );
    }
    const values = this.copyOut(h.backend.tf.readSync(h.dataId), t.dtype);
    const dataId = backend.tf.write(values, [...t.shape], t.dtype);
    const next = this.track(dataId, backend, h.bytes);
    this.replaceHandle(t, h, next);
    return next;
  }

  /** Backend reads may return the backend's own buffer: always hand users a fresh copy of the right type. */
  copyOut(values: unknown, dtype: DType): TypedArray {
    const v = values as TypedArray;
    if (dtype === 'float32' && v instanceof Float32Array) return v.slice();
    if (dtype === 'int32' && v instanceof Int32Array) return v.slice();
    if (dtype === 'bool' && v instanceof Uint8Array) return v.slice();
    return toTypedArray(v as ArrayLike<number>, dtype);
  }

  memory(): MemoryInfo {
    const backends: MemoryInfo['backends'] = {};
    for (const [name, n] of this.tensorsPerBackend) backends[name] = { numTensors: n, numBytes: 0 };
    let numBytes = 0;
    for (const [name, bytes] of this.bytesPerBackend) {
      numBytes += bytes;
      (backends[name] ??= { numTensors: 0, numBytes: 0 }).numBytes = bytes;
    }
    let numTensors = 0;
    for (const n of this.tensorsPerBackend.values()) numTensors += n;
    return { numTensors, numBytes, backends };
  }

  // ---- scopes ----
  tidy<T>(fn: () => T): T {
    const scope = new Set<Tensor>();
    this.scopes.push(scope);
    let result: T;
    try {
      result = fn();
    } catch (e) {
      this.scopes.pop();
      for (const t of scope) if (!t.kept) this.disposeTensor(t);
      throw e;
    }
    this.scopes.pop();
    if (result instanceof Promise) {
      throw new StrataError(
        'tidy: the function returned a Promise; tidy() only works with synchronous functions (await outside it)',
      );
    }
    const returned = new Set<Tensor>();
    collectTensors(result, returned);
    const parent = this.scopes[this.scopes.length - 1];
    for (const t of scope) {
      if (returned.has(t)) parent?.add(t);
      else if (!t.kept) this.disposeTensor(t);
    }
    return result;
  }

  keep<T extends Tensor>(t: T): T {
    t.kept = true;
    return t;
  }

  // ---- observers ----
  addObserver(o: OpObserver): () => void {
    this.observers.push(o);
    return () => {
      const i = this.observers.indexOf(o);
      if (i >= 0) this.observers.splice(i, 1);
    };
  }

  get observing(): boolean {
    return this.observers.length > 0;
  }

  notify(record: OpRecord): void {
    for (const o of [...this.observers]) o.onOp(record);
  }

  info(t: Tensor, backend: Backend, op: string): TensorInfo {
    // The shape is frozen, so kernels may read it without a defensive copy.
    return { dataId: this.moveTo(t, backend, op).dataId, shape: t.shape as number[], dtype: t.dtype } as TensorInfo;
  }
}

/**
 * Finds every tensor in a value made of arrays, records and Maps. Not `nest.flatten`: dispose() also
 * takes Maps and values that contain themselves, so this walks an object graph, once per object.
 */
export function collectTensors(x: unknown, into: Set<Tensor>, seen = new Set<unknown>()): Set<Tensor> {
  if (x === null || typeof x !== 'object' || seen.has(x)) return into;
  seen.add(x);
  if (x instanceof Tensor) into.add(x);
  else if (Array.isArray(x)) for (const v of x) collectTensors(v, into, seen);
  else if (x instanceof Map) for (const v of x.values()) collectTensors(v, into, seen);
  else if (isRecord(x)) for (const v of Object.values(x)) collectTensors(v, into, seen);
  return into;
}

const GLOBAL_KEY = Symbol.for('strata.engine');
/** One engine per process even if two copies of this package are loaded. */
export const engine: Engine = ((globalThis as Record<symbol, Engine>)[GLOBAL_KEY] ??= new Engine());
