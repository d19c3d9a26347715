import type { Tensor, DType, Shape } from '@strata/tensor';
import type { SymbolicTensorLike, TensorSpec } from '@strata/tensor/internal';
import type { Layer, CallOptions, LayerArgs, LayerInput, LayerInputs, ShapeOrShapes } from '@strata/layers';
import { classNameOf } from '@strata/layers/internal';
import { GraphError, InputLayer, type SymbolicTensor } from '@strata/graph';
import { Graph, collectNodes, tracing, holdGraph, holdersOf, releaseGraph } from '@strata/graph/internal';
import { ModelError } from './errors';
import { standardizeInputs } from './predict';
import { printSummary, type SummaryOptions } from './summary';
import { type ModelInputs, Trainer } from '@strata/training';
import { nest } from '@strata/tensor';

/** Options of a subclassed {@link Model}'s `super(...)`: a Layer's (name, trainable, dtype, input shape). */
export type ModelArgs = LayerArgs;

const isNamed = (x: unknown): x is { readonly [inputName: string]: Tensor } => nest.isRecord(x);

function isShapeList(s: ShapeOrShapes): s is readonly Shape[] {
  return s.length > 0 && Array.isArray(s[0]);
}

/**
 * The base of every model, and what you subclass to write one imperatively (see the example).
 * A model is a Trainer (Keras 3's `Model(Trainer, Layer)`): compile, fit, evaluate, predict and the
 * steps to override (`trainStep`, `testStep`, `predictStep`, `computeLoss`, calling `super.trainStep`
 * for the default) are the Trainer's, of @strata/training; this class adds the graph.
 * A model is a Layer: it nests in other models and layers, and its weights are those of every layer
 * it holds, at any depth. A subclassed model is traced once with symbolic inputs when it is built
 * (on its first call, or `build(shape)`): that builds its layers, and gives it a graph — so its
 * summary and plot show real shapes and connections, and sub-models can be cut from it.
 * @example
 * ```ts
 * class Mlp extends Model {
 *   hidden = new Dense({ units: 64, activation: 'relu' });
 *   out = new Dense({ units: 10 });
 *   override call(x: Tensor) { return this.out.apply(this.hidden.apply(x)) as Tensor; }
 * }
 * const mlp = new Mlp();
 * mlp.predict(zeros([2, 784])).shape; // [2, 10]
 * mlp.countParams(); // 50890 (784·64 + 64 + 64·10 + 10)
 * ```
 */
export class Model extends Trainer {
  /** The class name in saved configs (Keras's). */
  static override className = 'Model';

  #trace: Graph | null = null;
  #traceError: unknown = null;
  #inputSpecs: TensorSpec[] | null = null;
  #multiInput = false;
  #inputDtypes: DType[] | null = null;

  constructor(args: ModelArgs = {}) {
    super(args);
  }

  // ---- the graph ----

  /**
   * The graph of this model's layers: a Functional's own, or the one a subclassed model's `call`
   * recorded when traced (null until it is built, or if its `call` cannot run on symbolic tensors).
   */
  get graph(): Graph | null {
    if (!this.#trace && !this.#traceError && this.#inputSpecs) this.#retrace();
    return this.#trace;
  }

  /** Why tracing a subclassed model's `call` failed, if it did. */
  get traceError(): unknown {
    return this.#traceError;
  }

  /** The model's symbolic inputs (a subclassed model's are those it was traced with). */
  get inputs(): readonly SymbolicTensor[] {
    return this.requireGraph('inputs').inputs;
  }

  /** The model's symbolic outputs. */
  get outputs(): readonly SymbolicTensor[] {
    return this.requireGraph('outputs').outputs;
  }

  /** Keras's `model.input`: the model's own symbolic input, or the list of them. */
  override get input(): SymbolicTensor | SymbolicTensor[] {
    const inputs = this.inputs;
    return inputs.length === 1 ? inputs[0] : [...inputs];
  }

  /** Keras's `model.output`: the model's own symbolic output, or the list of them. */
  override get output(): SymbolicTensor | SymbolicTensor[] {
    const outputs = this.outputs;
    return outputs.length === 1 ? outputs[0] : [...outputs];
  }

  /**
   * The symbolic output of one of the model's layers (or ops), by name: cut a new model there.
   * `nodeIndex` picks a call of a shared layer, `outputIndex` an output of a multi-output layer.
   *
   * ```ts
   * const features = new Functional({ inputs: base.inputs, outputs: base.outputOf('flatten') });
   * ```
   */
  outputOf(name: string, nodeIndex = 0, outputIndex?: number): SymbolicTensor {
    return this.requireGraph('outputOf').outputOf(name, nodeIndex, outputIndex);
  }

  /** @internal the graph, or an error saying how to get one. */
  protected requireGraph(what: string): Graph {
    const graph = this.graph;
    if (graph) return graph;
    if (this.#traceError) {
      const why = this.#traceError instanceof Error ? this.#traceError.message : String(this.#traceError);
      throw new ModelError(
        `Model "${this.name}" has no graph for ${what}: its call() could not be traced on symbolic inputs (${why})`,
      );
    }
    throw new ModelError(
      `Model "${this.name}" has no graph for ${what} yet: its input shape is unknown. Call it once on data, or call model.build(inputShape) first (e.g. model.build([null, 784]))`,
    );
  }

  // ---- building ----

  /** Runs the model on one input tensor (a Layer's `apply`: `training` and masks in `options`). */
  override apply(inputs: Tensor, options?: CallOptions): Tensor;
  /** Runs the model on a list of inputs, one per model input. */
  override apply(inputs: readonly Tensor[], options?: CallOptions): Tensor | Tensor[];
  /** Inputs keyed by the names of the model's inputs (a model with a graph). */
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
  override apply(
    inputs: LayerInputs | { readonly [inputName: string]: Tensor },
    options: CallOptions = {},
  ): Tensor | Tensor[] | SymbolicTensorLike | SymbolicTensorLike[] {
    if (isNamed(inputs)) {
      const { list, single } = standardizeInputs(this, inputs, `Model "${this.name}"`);
      inputs = single ? list[0] : list;
    }
    if (!this.built) {
      const list = (Array.isArray(inputs) ? inputs : [inputs]) as LayerInput[];
      this.#inputDtypes = list.map((x) => (x as { dtype: DType }).dtype ?? 'float32');
    }
    return super.apply(inputs as LayerInputs, options);
  }

  override ensureBuilt(inputShape: ShapeOrShapes): void {
    if (!this.built) this.#rememberInput(inputShape);
    super.ensureBuilt(inputShape);
  }

  /**
   * Builds a subclassed model for an input shape (batch axis included, null for any): traces `call`
   * on symbolic inputs of that shape, which builds every layer it uses. A `call` that cannot run on
   * symbolic tensors (it reads values, say) is left to build on its first real call.
   */
  override build(inputShape: ShapeOrShapes): void {
    this.#rememberInput(inputShape);
    this.built = true;
    this.#retrace();
    // A layer or op that rejected its input shapes is a mistake in the model, not a call() that
    // cannot run symbolically: say so now, naming the layers and shapes.
    if (this.#traceError instanceof GraphError && this.#traceError.shapeMismatch) {
      const error = this.#traceError;
      this.#traceError = null;
      this.built = false;
      throw error;
    }
  }

  /** @internal the input specs the model was built for (batch axis unknown), once known. */
  protected get builtInputSpecs(): readonly TensorSpec[] | null {
    return this.#inputSpecs;
  }

  #rememberInput(inputShape: ShapeOrShapes): void {
    this.#multiInput = isShapeList(inputShape);
    const shapes = (isShapeList(inputShape) ? inputShape : [inputShape]) as Shape[];
    // The batch size of the call that built the model is not part of the model.
    this.#inputSpecs = shapes.map((s, i) => ({
      shape: [null, ...s.slice(1)],
      dtype: this.#inputDtypes?.[i] ?? 'float32',
    }));
  }

  #retrace(): void {
    this.#dropTrace();
    const specs = this.#inputSpecs;
    if (!specs) return;
    try {
      const inputs = specs.map(
        (s, i) =>
          new InputLayer({ batchShape: s.shape, dtype: s.dtype, name: `${this.name}_input${i === 0 ? '' : `_${i}`}` })
            .output,
      );
      // No `training`: layers called with the caller's (undefined) flag take the one the graph runs with.
      const { result, nodes } = tracing(() =>
        collectNodes(() => this.call((this.#multiInput ? inputs : inputs[0]) as unknown as Tensor, {})),
      );
      let graph: Graph;
      try {
        graph = new Graph(inputs, result, `Model "${this.name}"`);
      } catch (e) {
        for (const n of nodes) n.disposeConstants();
        throw e;
      }
      holdGraph(graph);
      this.#trace = graph;
    } catch (e) {
      this.#traceError = e;
    }
  }

  #dropTrace(): void {
    if (this.#trace) releaseGraph(this.#trace, { disposeLayers: false });
    this.#trace = null;
    this.#traceError = null;
  }

  // ---- using ----

  /** A layer of the model by name, or by index in `layers`. */
  getLayer(nameOrIndex: string | number): Layer {
    const layers = this.layers;
    if (typeof nameOrIndex === 'number') {
      if (!Number.isInteger(nameOrIndex) || nameOrIndex < 0 || nameOrIndex >= layers.length) {
        throw new ModelError(
          `getLayer: was asked for the layer at index ${nameOrIndex}, but model "${this.name}" has ${layers.length} layer(s)`,
        );
      }
      return layers[nameOrIndex];
    }
    const found = layers.find((l) => l.name === nameOrIndex);
    if (!found)
      throw new ModelError(
        `getLayer: no layer named "${nameOrIndex}" in model "${this.name}"; its layers are: ${layers.map((l) => l.name).join(', ') || 'none'}`,
      );
    return found;
  }

  /** @internal predict's inputs in the model's input order: names resolve through the graph. */
  protected override inputList(x: ModelInputs, what: string): { list: Tensor[]; single: boolean } {
    return standardizeInputs(this, x, what);
  }

  /**
   * Prints Keras's summary table (layers, output shapes, parameter counts; "Connected to" when the
   * layers form a graph rather than a stack) and returns it as a string.
   */
  summary(options: SummaryOptions = {}): string {
    return printSummary(this, options);
  }

  /** The names of the outputs (their layers'), for per-output losses and metrics; undefined without a graph. */
  override get outputNames(): string[] | undefined {
    const graph = this.graph;
    if (!graph) return undefined;
    const names = graph.outputs.map((t) => (graph.inputs.includes(t) ? graph.inputName(t) : graph.nameOf(t.node)));
    // Two outputs of one layer: tell them apart as Keras does.
    return names.map((n, i) => (names.indexOf(n) === names.lastIndexOf(n) ? n : `${n}_${graph.outputs[i].index}`));
  }

  /**
   * The model as a JSON string: `{className, config, buildConfig}` in Strata's camelCase config
   * dialect (`buildConfig.inputShape` lets a subclassed model be built before its weights are set).
   * `modelFromJSON` of @strata/serialization reads it back, and TF.js / Keras JSON too.
   */
  toJSON(): string {
    const graph = this.graph;
    const shapes = graph ? graph.inputs.map((x) => [...x.shape]) : null;
    const buildConfig = shapes ? { inputShape: shapes.length === 1 ? shapes[0] : shapes } : null;
    return JSON.stringify({
      className: classNameOf(this),
      config: this.getConfig(),
      ...(buildConfig ? { buildConfig } : {}),
    });
  }

  /** @internal for summaries: whether the model is a plain stack (Sequential overrides). */
  get isSequential(): boolean {
    return false;
  }

  /**
   * Frees the model's weights. Layers another model still uses (a model cut from this one, say) are
   * left to that model.
   */
  override dispose(): void {
    this.#dropTrace();
    const shared = this.layers.filter((l) => holdersOf(l) > 0);
    if (shared.length === 0) return super.dispose();
    this.disposeTrainingState();
    const keep = new Set(shared.flatMap((l) => l.weights));
    for (const w of this.weights) if (!keep.has(w)) w.dispose();
  }
}
