import type { Tensor, Shape } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type CallOptions, type ShapeOrShapes } from '@strata/layers';
import { InputLayer, SymbolicTensor, input } from '@strata/graph';
import { Graph, InputNode, holdersOf } from '@strata/graph/internal';
import { Functional, DEFER_GRAPH } from './functional';
import { Model } from './model';
import { ModelError } from './errors';
import { stackConfig, stackLayers, type FromConfigOptions, type SequentialConfig } from './config';
import { builtInResolver } from './resolve-layer';

/** Options of {@link Sequential}: its name and trainability, and its layers when options come first. */
export interface SequentialArgs {
  /** The model's name. Default: a unique name (`sequential`, `sequential_1`, ...). */
  name?: string;
  /** Whether its weights are trained. Default: true. */
  trainable?: boolean;
  /** The layers, when the options come first (`new Sequential({ layers, name })`, as tfjs). */
  layers?: readonly (Layer | SymbolicTensor)[];
}

/**
 * A plain stack of layers, each taking the previous one's output (Keras's Sequential).
 *
 * Once the input shape is known (an `input()` first, a first layer given `inputShape`, `build()`, or
 * the first call) every `add` is checked at once: a layer that cannot take the previous output is
 * refused with an error naming both layers and the shape.
 * @example
 * ```ts
 * const model = new Sequential([
 *   input({ shape: [784] }),
 *   new Dense({ units: 64, activation: 'relu' }),
 *   new Dense({ units: 10 }),
 * ]);
 * model.outputs[0].shape; // [null, 10]
 * model.layers.length; // 2 (the input is not a layer)
 * ```
 */
export class Sequential extends Functional {
  /** The class name in saved configs (Keras's). */
  static override className = 'Sequential';

  #layers: Layer[] = [];
  /** The input, then each layer's output, while the input shape is known. */
  #stack: SymbolicTensor[] = [];

  constructor(layers?: readonly (Layer | SymbolicTensor)[], args?: SequentialArgs);
  constructor(args: SequentialArgs);
  constructor(layersOrArgs: readonly (Layer | SymbolicTensor)[] | SequentialArgs = [], args: SequentialArgs = {}) {
    const options = Array.isArray(layersOrArgs) ? args : (layersOrArgs as SequentialArgs);
    super({ name: options.name, trainable: options.trainable, [DEFER_GRAPH]: true });
    const layers = Array.isArray(layersOrArgs) ? layersOrArgs : (options.layers ?? []);
    if (!Array.isArray(layers))
      throw new ModelError(
        `Sequential: expected an array of layers, received ${typeof layers}; use new Sequential([...layers], { name })`,
      );
    for (const layer of layers) this.add(layer);
  }

  /** The layers added, in order (the input layer is not one of them, as in Keras). */
  override get layers(): Layer[] {
    return [...this.#layers];
  }

  /** Adds a layer on top of the stack; throws, adding nothing, if it cannot take the current output. */
  add(layer: Layer | SymbolicTensor): void {
    if (layer instanceof SymbolicTensor) {
      if (!(layer.node instanceof InputNode) || !layer.node.layer) {
        throw new ModelError(
          `Sequential.add: a symbolic tensor can start a Sequential only if it comes from input(); received ${layer}`,
        );
      }
      layer = layer.node.layer;
    }
    if (!(layer instanceof Layer)) {
      throw new ModelError(
        `Sequential.add: only layers (or an input() to start with) can be added to a Sequential model, received ${layer === null ? 'null' : typeof layer}`,
      );
    }
    if (layer instanceof InputLayer) {
      if (this.#stack.length > 0 || this.#layers.length > 0) {
        throw new ModelError(
          `Sequential "${this.name}": an input can only come first; this model ${this.#stack.length ? `already takes input of shape ${fmtShape(this.#stack[0].shape)}` : 'already has layers'}`,
        );
      }
      this.#stack = [layer.output];
      return;
    }
    if (this.#layers.some((l) => l.name === layer.name)) {
      throw new ModelError(
        `Sequential "${this.name}": a layer named "${layer.name}" is already in this model; layer names must be unique within a model: give the new one another name`,
      );
    }
    const fresh = this.#stack.length === 0 && this.#layers.length === 0;
    if (fresh) {
      const start = startOf(layer);
      if (start) this.#stack = [start];
    }
    if (this.#stack.length > 0) {
      try {
        this.#push(layer);
      } catch (e) {
        if (fresh) this.#stack = [];
        throw e;
      }
    }
    this.#layers.push(layer);
    this.#rebuild();
  }

  /** Removes the top layer. */
  pop(): Layer {
    const layer = this.#layers.pop();
    if (!layer) throw new ModelError(`Sequential "${this.name}".pop(): there are no layers to remove`);
    if (this.#stack.length > 1) this.#stack.pop();
    this.#rebuild();
    return layer;
  }

  #push(layer: Layer): void {
    const previous = this.#stack[this.#stack.length - 1];
    const out: unknown = layer.apply(previous);
    if (!(out instanceof SymbolicTensor)) {
      // A list, or a record from a Functional whose outputs were named.
      const count = Array.isArray(out)
        ? `${out.length} outputs`
        : `named outputs (${Object.keys(out as object).join(', ')})`;
      throw new ModelError(
        `Sequential "${this.name}": layer "${layer.name}" has ${count}; every layer of a Sequential model must have one. Use a Functional model for layers with several outputs`,
      );
    }
    this.#stack.push(out);
  }

  #rebuild(): void {
    const ready = this.#stack.length > 1 && this.#stack.length === this.#layers.length + 1;
    this.setGraph(
      ready ? new Graph(this.#stack[0], this.#stack[this.#stack.length - 1], `Sequential "${this.name}"`) : null,
    );
  }

  /**
   * Builds the stack for an input shape (batch axis first; the batch size is not kept): each layer is
   * applied in turn to symbolic tensors, so the first misfit is reported naming it and its input.
   */
  override build(inputShape: ShapeOrShapes): void {
    if (inputShape.length > 0 && Array.isArray(inputShape[0])) {
      throw new ModelError(`Sequential "${this.name}" takes one input, received shapes for ${inputShape.length}`);
    }
    if (this.#layers.length === 0)
      throw new ModelError(`Sequential "${this.name}" has no layers to build; add some first`);
    if (this.graph) return;
    const shape = inputShape as Shape;
    const dtype = this.builtInputSpecs?.[0]?.dtype;
    const start = this.#stack[0] ?? input({ batchShape: [null, ...shape.slice(1)], dtype });
    const stack = [start];
    const saved = this.#stack;
    this.#stack = stack;
    try {
      for (const layer of this.#layers) this.#push(layer);
    } catch (e) {
      this.#stack = saved;
      throw e;
    }
    this.#rebuild();
  }

  override call(inputs: Tensor | Tensor[], options: CallOptions = {}): Tensor | Tensor[] {
    if (!this.graph) throw new ModelError(`Sequential "${this.name}" has no layers to call; add some first`);
    return super.call(inputs, options);
  }

  /** Always true (Keras's check that a model is a plain stack). */
  override get isSequential(): boolean {
    return true;
  }

  /** Its layers in order, after an InputLayer when the input shape is known (Keras 3's config, camelCase). */
  override getConfig(): Record<string, unknown> {
    return stackConfig(this.name, this.trainable, this.#layers, this.graph) as unknown as Record<string, unknown>;
  }

  /** Rebuilds a Sequential from `getConfig()`, with fresh weights (see Functional.fromConfig). */
  static override fromConfig<T extends Layer>(
    this: new (
      args: never,
    ) => T,
    config: Record<string, unknown>,
    options: FromConfigOptions = {},
  ): T {
    const layers = stackLayers(config as unknown as SequentialConfig, options.resolveLayer ?? resolveBuiltInLayer);
    return new this({ name: config.name, trainable: config.trainable, layers } as never);
  }

  override dispose(): void {
    const unheld = this.#layers.filter((l) => holdersOf(l) === 0);
    super.dispose();
    // Layers added while the input shape was unknown are in no graph: free them here.
    for (const l of unheld) l.dispose();
    this.#stack = [];
  }
}

/**
 * Resolves built-in layers and models (Functional, Sequential) only; nested models resolve through it too.
 * @example
 * ```ts
 * const dense = resolveBuiltInLayer({ className: 'Dense', config: { units: 3 } });
 * ```
 */
export const resolveBuiltInLayer = builtInResolver(() => ({ Functional, Sequential }));

/** The input a first layer implies: its declared input shape, or a nested model's input. */
function startOf(layer: Layer): SymbolicTensor | null {
  if (layer.batchInputShape) return input({ batchShape: layer.batchInputShape });
  if (layer instanceof Model && !(layer instanceof Sequential && !layer.graph)) {
    const graph = layer.graph;
    if (graph && graph.inputs.length === 1)
      return input({ batchShape: graph.inputs[0].shape, dtype: graph.inputs[0].dtype });
  }
  return null;
}
