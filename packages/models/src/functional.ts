import { Tensor, clone, keep } from '@strata/tensor';
import { fmtShape, type SymbolicTensorLike } from '@strata/tensor/internal';
import type { CallOptions, Layer, LayerInput, LayerInputs } from '@strata/layers';
import { maskOf } from '@strata/layers/internal';
import type { SymbolicTensor } from '@strata/graph';
import { Graph, execute, holdGraph, releaseGraph } from '@strata/graph/internal';
import { Model, type ModelArgs } from './model';
import { ModelError } from './errors';
import { flattenStructure, toRecord } from './structure';
import { graphConfig, rebuildGraph, type FromConfigOptions, type FunctionalConfig } from './config';
import { builtInResolver } from './resolve-layer';
import { nest } from '@strata/tensor';

/**
 * One of a model's inputs or outputs: a symbolic tensor, typed as ops and layers return it (a Tensor
 * from an op, `T | T[]` from a layer given a list). Which it really is gets checked at run time.
 */
export type SymbolicArg = SymbolicTensor | SymbolicTensorLike | Tensor | readonly SymbolicTensorLike[];

/** A Functional's inputs or outputs: one symbolic tensor, a list, or a record of named ones. */
export type SymbolicStructure = SymbolicArg | readonly SymbolicArg[] | { readonly [name: string]: SymbolicArg };

/** Options of {@link Functional} (and {@link model}): the graph's inputs and outputs, name and trainability. */
export interface FunctionalArgs extends Pick<ModelArgs, 'name' | 'trainable'> {
  /** Given as a record, the model takes its inputs by those names too. */
  inputs: SymbolicStructure;
  /** Given as a record, `apply` and `predict` return a record with the same names. */
  outputs: SymbolicStructure;
}

/** @internal lets Sequential construct a Functional whose graph comes later. */
export const DEFER_GRAPH = Symbol('deferGraph');

/**
 * A model defined by a graph of layers and ops (Keras's functional API): a DAG with any number of
 * inputs and outputs, checked shape by shape as it is written.
 *
 * The inputs may be any tensors of a graph, not only `input()`s: a model can be cut from the middle
 * of another one, sharing its layers and weights.
 * @example
 * ```ts
 * const x = input({ shape: [784] });
 * const h = new Dense({ units: 64, activation: 'relu' }).apply(x);
 * const model = new Functional({ inputs: x, outputs: new Dense({ units: 10 }).apply(h) });
 * model.outputs[0].shape; // [null, 10]
 * model.countParams(); // 50890
 * ```
 */
export class Functional extends Model {
  /** The class name in saved configs (Keras's). */
  static override className = 'Functional';

  #graph: Graph | null = null;
  #singleOutput = true;
  #outputMasks: Tensor[] | null = null;
  #inputKeys: string[] | null = null;
  #outputKeys: string[] | null = null;

  constructor(args: FunctionalArgs | { name?: string; trainable?: boolean; [DEFER_GRAPH]: true }) {
    if (typeof args !== 'object' || args === null)
      throw new ModelError(
        `Functional: expected {inputs, outputs, name?}, received ${args === null ? 'null' : typeof args}`,
      );
    super({ name: args.name, trainable: args.trainable });
    if (DEFER_GRAPH in args) return;
    const { inputs, outputs } = args as FunctionalArgs;
    if (inputs === undefined || outputs === undefined) {
      throw new ModelError(
        `Functional "${this.name}": give both inputs and outputs, e.g. new Functional({ inputs: x, outputs: y }) with x = input({ shape: [4] })`,
      );
    }
    const owner = `Functional "${this.name}"`;
    const ins = flattenStructure('inputs', owner, inputs);
    const outs = flattenStructure('outputs', owner, outputs);
    this.#inputKeys = ins.keys;
    this.#outputKeys = outs.keys;
    this.setGraph(new Graph(ins.list, outs.list, owner), !Array.isArray(outs.list) && !outs.keys);
  }

  /** The names inputs are taken by (`apply({ title, body })`): a record's keys, else the input layers' names. */
  override get inputNames(): string[] | undefined {
    const graph = this.graph;
    return this.#inputKeys ? [...this.#inputKeys] : graph ? graph.inputs.map((x) => graph.inputName(x)) : undefined;
  }

  /** The names of the outputs: a record's keys, else their layers' names. */
  override get outputNames(): string[] | undefined {
    return this.#outputKeys ? [...this.#outputKeys] : super.outputNames;
  }

  // Outputs given as a record come back as one, from tensors and from symbolic tensors alike.
  /** Runs the model on one input tensor (a Layer's `apply`: `training` and masks in `options`). */
  override apply(inputs: Tensor, options?: CallOptions): Tensor;
  /** Runs the model on a list of inputs, one per model input. */
  override apply(inputs: readonly Tensor[], options?: CallOptions): Tensor | Tensor[];
  /** Inputs keyed by the names of the model's inputs. */
  override apply(inputs: { readonly [inputName: string]: Tensor }, options?: CallOptions): Tensor | Tensor[];
  /** Records a call of the model on a symbolic tensor, as a layer of a larger graph. */
  override apply<T extends SymbolicTensorLike>(inputs: T, options?: CallOptions): T;
  /** Records a call on a list of symbolic inputs. */
  override apply<T extends SymbolicTensorLike>(inputs: T | readonly LayerInput[], options?: CallOptions): T | T[];
  /** Any of the above (what a generic caller has). */
  override apply(
    inputs: LayerInputs,
    options?: CallOptions,
  ): Tensor | Tensor[] | SymbolicTensorLike | SymbolicTensorLike[];
  override apply(inputs: never, options?: CallOptions): unknown {
    this.#checkStructure(inputs);
    const result = super.apply(inputs, options);
    return this.#outputKeys ? toRecord(this.#outputKeys, result) : result;
  }

  /** @internal replaces the graph (Sequential rebuilds it as layers are added). */
  protected setGraph(graph: Graph | null, singleOutput = true): void {
    if (graph) holdGraph(graph);
    if (this.#graph) releaseGraph(this.#graph, { disposeLayers: false });
    this.#graph = graph;
    this.#singleOutput = singleOutput && (graph?.outputs.length ?? 1) === 1;
    this.inputSpec = graph ? graph.inputs.map((x) => ({ shape: x.shape })) : null;
    this.built = graph !== null;
  }

  override get graph(): Graph | null {
    return this.#graph;
  }

  override get layers(): Layer[] {
    return this.#graph ? [...this.#graph.layers] : [];
  }

  override get inputs(): readonly SymbolicTensor[] {
    return this.requireGraph('inputs').inputs;
  }

  override get outputs(): readonly SymbolicTensor[] {
    return this.requireGraph('outputs').outputs;
  }

  // Wrong number or nesting of inputs, reported with the model's own input names and shapes.
  #checkStructure(inputs: unknown): void {
    const graph = this.#graph;
    if (!graph || nest.isRecord(inputs)) return;
    const list = Array.isArray(inputs) ? inputs : [inputs];
    const n = graph.inputs.length;
    const expected = graph.inputs.map((x) => `${graph.inputName(x)} ${fmtShape(x.shape)}`).join(', ');
    const how =
      n === 1 ? 'pass one tensor' : `pass an array of ${n} tensors in that order, or a record keyed by input name`;
    const nested = list.findIndex((x) => Array.isArray(x));
    if (nested >= 0) {
      throw new ModelError(
        `Model "${this.name}" takes ${n} input(s) (${expected}); received an array at position ${nested}: the inputs must be a flat list. ${how[0].toUpperCase()}${how.slice(1)}`,
      );
    }
    if (list.length !== n)
      throw new ModelError(`Model "${this.name}" takes ${n} input(s) (${expected}), received ${list.length}; ${how}`);
  }

  /** Runs the graph: every layer gets `training` and its inputs' masks. */
  override call(inputs: Tensor | Tensor[], options: CallOptions = {}): Tensor | Tensor[] {
    const graph = this.requireGraph('call');
    const list = Array.isArray(inputs) ? inputs : [inputs];
    if (list.length !== graph.inputs.length) {
      throw new ModelError(
        `Model "${this.name}" takes ${graph.inputs.length} input(s) (${graph.inputs.map((x) => graph.inputName(x)).join(', ')}), received ${list.length}; pass one tensor per input, in that order`,
      );
    }
    const mask = options.mask;
    const masks =
      mask === undefined || mask === null
        ? undefined
        : Array.isArray(mask)
          ? (mask as (Tensor | null)[])
          : [mask as Tensor];
    const outs = execute(graph, list, { training: options.training, masks }) as Tensor[];
    this.#stashMasks(outs);
    return this.#singleOutput ? outs[0] : outs;
  }

  // The layers inside set the output masks while call() runs inside apply()'s tidy, which would free
  // them: they are kept until computeMask hands copies to the caller's scope.
  #stashMasks(outs: readonly unknown[]): void {
    this.#dropMasks();
    const masks = outs.map((o) => (o instanceof Tensor ? maskOf(o) : null));
    if (masks.some((m) => m)) this.#outputMasks = masks.map((m) => (m ? keep(m) : (null as unknown as Tensor)));
  }

  #dropMasks(): void {
    for (const m of this.#outputMasks ?? []) m?.dispose();
    this.#outputMasks = null;
  }

  override computeMask(): Tensor | null | (Tensor | null)[] {
    const stash = this.#outputMasks;
    if (!stash) return null;
    const copies = stash.map((m) => (m ? clone(m) : null));
    this.#dropMasks();
    return this.#singleOutput ? copies[0] : copies;
  }

  override get isSequential(): boolean {
    return false;
  }

  /** Its layers and how they are connected (Keras's functional config, camelCase). */
  override getConfig(): Record<string, unknown> {
    const graph = this.requireGraph('getConfig');
    return graphConfig(graph, this.name, this.trainable, {
      inputs: this.#inputKeys,
      outputs: this.#outputKeys,
    }) as unknown as Record<string, unknown>;
  }

  /**
   * Rebuilds a model from `getConfig()`: new layers (fresh weights), the same connections.
   * `resolveLayer` makes a layer from `{className, config}`; @strata/serialization passes one that
   * knows registered classes, the default knows the built-ins.
   */
  static override fromConfig<T extends Layer>(
    this: new (
      args: never,
    ) => T,
    config: Record<string, unknown>,
    options: FromConfigOptions = {},
  ): T {
    const resolve = options.resolveLayer ?? resolveInFunctional;
    const { inputs, outputs } = rebuildGraph(config as unknown as FunctionalConfig, resolve);
    // A single tensor stays single; records (inputs or outputs given by name) stay records.
    const one = <X>(xs: X[] | Record<string, X>): unknown => (Array.isArray(xs) && xs.length === 1 ? xs[0] : xs);
    return new this({
      inputs: one(inputs),
      outputs: one(outputs),
      name: config.name as string,
      trainable: config.trainable as boolean | undefined,
    } as never);
  }

  /** Frees the weights of every layer no other model uses, and the graph's constants. */
  override dispose(): void {
    this.#dropMasks();
    const graph = this.#graph;
    this.#graph = null;
    this.built = false;
    if (graph) releaseGraph(graph, { disposeLayers: true });
    // With the graph gone, what is left is the model's own: weights added to it, losses it holds.
    super.dispose();
  }
}

/**
 * Functional.fromConfig's default resolver: built-in layers and Functional. It cannot know
 * Sequential (which extends Functional, so importing it here would be a cycle at class definition).
 */
const resolveInFunctional = builtInResolver(() => ({ Functional }));

/**
 * `model({inputs, outputs})`: the same as `new Functional({inputs, outputs})`, as tfjs's `tf.model`.
 * @example
 * ```ts
 * const x = input({ shape: [4] });
 * const m = model({ inputs: x, outputs: new Dense({ units: 1 }).apply(x), name: 'regressor' });
 * ```
 */
export function model(args: FunctionalArgs): Functional {
  return new Functional(args);
}
