import { StrataError, Tensor, Variable, clone, onesLike, zerosLike } from '@strata/tensor';
import { engine, type OpObserver, type OpRecord } from '@strata/tensor/internal';
import { backprop, type TapeNode } from './backprop';
import { gradientRegistry } from './gradients';
import { canonicalId, keepForTape, recordingSuspended, releaseFromTape } from './recording';
import { keptAttrs, releaseKeptAttrs } from './custom-gradient-op';
import { checkGradientRequest, describe, listTensors, sourceList } from './arguments';

/** Options of `new GradientTape(...)`. */
export interface GradientTapeOptions {
  /** A persistent tape allows several `gradient()` calls and frees what it kept on `dispose()`. */
  persistent?: boolean;
  /** Watch trainable Variables read inside `record` (default true). */
  watchAccessedVariables?: boolean;
}

/** What a source the target does not depend on gets: null (`'none'`) or zeros of its shape (`'zero'`). */
export type Unconnected = 'none' | 'zero';

/** Options of `tape.gradient(target, sources, options)`. */
export interface GradientOptions<U extends Unconnected = 'none'> {
  /** The gradient of each target (default: ones, so a non-scalar target is differentiated as its sum). */
  outputGradients?: Tensor | readonly Tensor[];
  /** What a source the targets do not depend on gets: `null` ('none', the default) or zeros ('zero'). */
  unconnected?: U;
}

/** The gradient of one source: a tensor, or null for an unconnected one unless `unconnected: 'zero'`. */
export type SourceGradient<U extends Unconnected> = U extends 'zero' ? Tensor : Tensor | null;
/** What gradients are asked for: one tensor, a list, or named tensors; the result has the same structure. */
export type Sources = Tensor | readonly Tensor[] | { readonly [name: string]: Tensor };
/** Gradients in the shape the sources were given in: one tensor, an array, or an object of names. */
export type GradientsOf<S extends Sources, U extends Unconnected> = S extends Tensor
  ? SourceGradient<U>
  : S extends readonly Tensor[]
    ? SourceGradient<U>[]
    : { [K in keyof S]: SourceGradient<U> };

/**
 * Records the ops run inside `record()` and computes gradients of their results, as TensorFlow 2's
 * `tf.GradientTape`. Only ops that depend on a watched tensor (or a trainable Variable read while
 * recording) are kept, each with its own handles on the values its gradient needs.
 * @example
 * ```ts
 * const x = tensor([1, 2, 3]);
 * const tape = new GradientTape();
 * tape.watch(x);
 * const y = tape.record(() => mul(x, x));
 * tape.gradient(y, x); // [2, 4, 6]: d(x²)/dx = 2x
 * ```
 */
export class GradientTape implements OpObserver {
  /** Whether `gradient()` may be called more than once (see GradientTapeOptions). */
  readonly persistent: boolean;
  private readonly watchVariables: boolean;
  private readonly nodes: TapeNode[] = [];
  /** Ids of watched tensors and of every float result that depends on one. */
  private readonly tracked = new Set<number>();
  private recording = false;
  private state: 'open' | 'used' | 'disposed' = 'open';

  constructor(options: GradientTapeOptions = {}) {
    this.persistent = options.persistent ?? false;
    this.watchVariables = options.watchAccessedVariables ?? true;
  }

  /** Runs `fn`, recording the ops it runs; returns what `fn` returns. Tapes nest: each records. */
  record<T>(fn: () => T): T {
    this.assertOpen('record');
    if (this.recording) return fn();
    this.recording = true;
    const stop = engine.addObserver(this);
    try {
      const result = fn();
      if (result instanceof Promise) {
        throw new StrataError(
          'GradientTape.record: the function returned a Promise; ops after an await are not recorded, so record synchronous code only (await before or after record)',
        );
      }
      return result;
    } finally {
      stop();
      this.recording = false;
    }
  }

  /** Makes the tape record ops on `tensors` (sources that are not trainable Variables need this). */
  watch(tensors: Tensor | readonly Tensor[]): void {
    this.assertOpen('watch');
    for (const t of Array.isArray(tensors) ? tensors : [tensors as Tensor]) {
      if (!(t instanceof Tensor))
        throw new StrataError(`GradientTape.watch: expected a Tensor or an array of Tensors, received ${describe(t)}`);
      this.tracked.add(canonicalId(t));
    }
  }

  /** @internal the engine calls this after each eager op while `record` runs. */
  onOp(record: OpRecord): void {
    if (!this.recording || recordingSuspended()) return;
    const inputIds = record.inputs.map(canonicalId);
    let connected = false;
    record.inputs.forEach((input, i) => {
      if (this.tracked.has(inputIds[i])) connected = true;
      else if (this.watchVariables && input instanceof Variable && input.trainable) {
        this.tracked.add(inputIds[i]);
        connected = true;
      }
    });
    // Gradients flow only through float tensors: an op with no float result ends every path.
    if (!connected || !record.outputs.some((o) => o.dtype === 'float32')) return;
    for (const o of record.outputs) if (o.dtype === 'float32') this.tracked.add(o.id);
    this.nodes.push({
      op: record.op,
      inputIds,
      outputIds: record.outputs.map((o) => o.id),
      inputs: record.inputs.map(keepForTape),
      outputs: record.outputs.map(keepForTape),
      attrs: keptAttrs(record),
    });
  }

  /**
   * Gradients of `target` (summed over several targets) with respect to `sources`, in the same
   * shape as `sources`. A non-persistent tape frees what it kept after the first call.
   */
  gradient<S extends Sources, U extends Unconnected = 'none'>(
    target: Tensor | readonly Tensor[],
    sources: S,
    options: GradientOptions<U> = {},
  ): GradientsOf<S, U> {
    this.assertOpen('gradient');
    const wasRecording = this.recording;
    this.recording = false; // the backward pass is seen by outer tapes, never by this one
    try {
      const targets = listTensors(target, 'target');
      const { list, shapeLike } = sourceList(sources);
      const unconnected = options.unconnected ?? 'none';
      if (unconnected !== 'none' && unconnected !== 'zero')
        throw new StrataError(
          `GradientTape.gradient: unconnected must be 'none' or 'zero', received ${JSON.stringify(unconnected)}`,
        );
      return shapeLike(this.computeGradients(targets, list, options.outputGradients, unconnected)) as GradientsOf<S, U>;
    } finally {
      this.recording = wasRecording;
      if (!this.persistent) {
        this.release();
        this.state = 'used';
      }
    }
  }

  private computeGradients(
    targets: Tensor[],
    sources: Tensor[],
    outputGradients: GradientOptions<Unconnected>['outputGradients'],
    unconnected: Unconnected,
  ): (Tensor | null)[] {
    const seedsGiven = checkGradientRequest(targets, sources, outputGradients, unconnected);
    const firstId = engine.nextId();
    const seeds = targets.map((t, i) => [canonicalId(t), seedsGiven ? seedsGiven[i] : onesLike(t)] as const);
    // A source the tape never watched (nor computed) is unconnected, whatever ops it went into.
    const sourceIds = sources.map((s) =>
      s.dtype === 'float32' && this.tracked.has(canonicalId(s)) ? canonicalId(s) : NaN,
    );
    const { gradients, owned } = backprop({ nodes: this.nodes, registry: gradientRegistry, seeds, sourceIds, firstId });
    const handedOut = new Set<Tensor>();
    return sources.map((s, i) => {
      let g = gradients.get(sourceIds[i]) ?? null;
      // Each source gets a tensor of its own that the caller may dispose: copy shared or borrowed ones.
      if (g !== null && (handedOut.has(g) || !owned(g))) g = clone(g);
      if (g === null && unconnected === 'zero') g = zerosLike(s);
      if (g !== null) handedOut.add(g);
      return g;
    });
  }

  /** Frees everything the tape kept; the tape cannot be used afterwards. */
  dispose(): void {
    if (this.state === 'disposed') return;
    this.release();
    this.state = 'disposed';
  }

  /** Frees what the tape kept, as `dispose()`; for `using tape = new GradientTape()`. */
  [Symbol.dispose](): void {
    this.dispose();
  }

  private release(): void {
    for (const node of this.nodes) {
      for (const t of node.inputs) releaseFromTape(t);
      for (const t of node.outputs) releaseFromTape(t);
      releaseKeptAttrs(node);
    }
    this.nodes.length = 0;
    this.tracked.clear();
  }

  private assertOpen(method: string): void {
    if (this.state === 'disposed')
      throw new StrataError(`GradientTape.${method}: the tape was disposed; create a new GradientTape`);
    if (this.state === 'used') {
      throw new StrataError(
        `GradientTape.${method}: this tape already computed its gradient and freed what it recorded; create it with new GradientTape({ persistent: true }) to call gradient() more than once`,
      );
    }
  }
}
