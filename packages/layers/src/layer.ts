import { Tensor, Variable, variable, tidy, add, cast, keep, scalar, type DType, type Shape } from '@strata/tensor';
import { isSymbolic, fmtShape, retain, type SymbolicTensorLike } from '@strata/tensor/internal';
import { LayerError } from './errors';
import { assertInputCompatible, type InputSpec } from './input-spec';
import { reserveName, toSnakeCase, uniqueName } from './naming';
import { classNameOf, serialize, type Configurable } from './serializable';
import { getInitializer, type InitializerIdentifier } from './initializers';
import { getRegularizer, type RegularizerIdentifier } from './regularizers';
import { getConstraint, type ConstraintIdentifier } from './constraints';
import type { Regularizer } from './regularizers/regularizer';
import { maskOf, setMask } from './masking';
import { nest } from '@strata/tensor';

/** Options every layer takes (Keras's base layer kwargs, in camelCase). */
export interface LayerArgs {
  /**
   * The layer's name, unique in the session (weights are named `${name}/kernel`). Default: the
   * class name in snake_case with a counter (`dense`, `dense_1`, …), as Keras.
   */
  name?: string;
  /** Whether `fit()` updates the layer's weights. Default: true. */
  trainable?: boolean;
  /** The dtype of the weights and of the float inputs (cast on call). Default: `'float32'`. */
  dtype?: DType;
  /** The input shape without the batch axis, for the first layer of a Sequential. */
  inputShape?: readonly (number | null)[];
  /** The full input shape with the batch axis. */
  batchInputShape?: readonly (number | null)[];
  /** The fixed batch size that goes with `inputShape` (leave unset for any batch size). */
  batchSize?: number;
  /** A penalty on the layer's output, added to `losses` on every call. Default: none. */
  activityRegularizer?: RegularizerIdentifier;
}

/** What `apply` and `call` receive besides the inputs. */
export interface CallOptions {
  /** Training or inference behaviour (Dropout, BatchNormalization): false unless fit() or the caller says so. */
  training?: boolean;
  /**
   * The input mask (true where a timestep is real, false where it is padding): one per input for
   * a layer of several inputs. `apply` fills it from the input's own mask when not given.
   */
  mask?: Tensor | null | readonly (Tensor | null)[];
  /**
   * A layer's own call arguments (Keras's call kwargs: an RNN's `initialState`, attention's
   * `useCausalMask`, `returnAttentionScores`, `attentionMask`): `apply` passes them to `call` unchanged.
   */
  [callArgument: string]: unknown;
}

/** One input of a layer: an eager tensor, or a symbolic one from `input()` while a model is defined. */
export type LayerInput = Tensor | SymbolicTensorLike;
/** The inputs of a layer: one tensor, or a list for layers of several inputs (Add, Concatenate, attention). */
export type LayerInputs = LayerInput | readonly LayerInput[];

/**
 * A symbolic tensor that can record a layer call: @strata/graph implements this (the object
 * carries its behaviour, so this package never imports the graph).
 */
export interface SymbolicLayerInput extends SymbolicTensorLike {
  /** Records the call of `layer` on `inputs` as a graph node and returns the symbolic outputs. */
  applyLayer(layer: Layer, inputs: LayerInputs, options: CallOptions): unknown;
}

/** How {@link Layer.addWeight} creates a weight. */
export interface AddWeightOptions {
  /** The initial value's distribution. Default: `'glorotUniform'`. */
  initializer?: InitializerIdentifier;
  /** A penalty on the weight's value, added to the layer's `losses`. Default: none. */
  regularizer?: RegularizerIdentifier | null;
  /** A projection applied to the weight after each optimizer step (Keras's constraint). Default: none. */
  constraint?: ConstraintIdentifier | null;
  /** Whether optimizers update the weight (false for running statistics). Default: true. */
  trainable?: boolean;
  /** The weight's dtype. Default: the layer's dtype. */
  dtype?: DType;
}

/** An input shape, or one per input for layers of several inputs (null entries are unknown sizes). */
export type ShapeOrShapes = Shape | readonly Shape[];

function isShapeList(s: ShapeOrShapes): s is readonly Shape[] {
  return s.length > 0 && Array.isArray(s[0]);
}

/**
 * The base of every layer and model. A layer file reads: constructor (validate and store config) →
 * `build(inputShape)` (create weights with `addWeight`) → `call(inputs, options)` →
 * `computeOutputShape` → `getConfig`. `apply()` is Keras's `__call__`.
 *
 * @example
 * ```ts
 * class Scale extends Layer {
 *   static override className = 'Scale';
 *   scale!: Variable;
 *   override build(inputShape: ShapeOrShapes): void {
 *     const shape = inputShape as Shape;
 *     this.scale = this.addWeight('scale', [shape[shape.length - 1] as number], { initializer: 'ones' });
 *     this.built = true;
 *   }
 *   override call(x: Tensor): Tensor {
 *     return mul(x, this.scale);
 *   }
 * }
 * const y = new Scale().apply(ones([2, 3])); // shape [2, 3]
 * ```
 */
export class Layer implements Configurable {
  /**
   * The name configs and saved files use for the class (Keras's `class_name`); each subclass sets
   * its own, as Keras's registered name.
   */
  static className = 'Layer';

  /** The layer's name, unique in the session (see {@link LayerArgs.name}). */
  name: string;
  /** True once `build()` has created the weights (on the first call, or an explicit build). */
  built = false;
  /** Checked on every call before `call` runs; set it in the constructor or in build(). */
  inputSpec: InputSpec | readonly (InputSpec | null)[] | null = null;
  /** Layers that pass an input mask through unchanged set this (or override computeMask). */
  supportsMasking = false;
  /** The dtype of the weights and of float inputs after the cast on call. */
  readonly dtype: DType;
  /** The input shape with the batch axis given at construction (`inputShape`), or null. */
  readonly batchInputShape: readonly (number | null)[] | null;
  /** The penalty on the layer's output added on every call, or null. */
  activityRegularizer: Regularizer | null;

  #trainable: boolean;
  #trainableWeights: Variable[] = [];
  #nonTrainableWeights: Variable[] = [];
  #regularized: [Variable, Regularizer][] = [];
  #callLosses: Tensor[] = [];
  #addedLosses: (() => Tensor)[] = [];
  #weightNames = new Map<Variable, string>();
  #inboundCalls: { inputs: LayerInputs; outputs: unknown }[] = [];

  constructor(args: LayerArgs = {}) {
    const className = classNameOf(this);
    if (args.name !== undefined) {
      if (typeof args.name !== 'string' || args.name === '')
        throw new LayerError(`${className}: name must be a non-empty string, received ${JSON.stringify(args.name)}`);
      reserveName(args.name);
    }
    this.name = args.name ?? uniqueName(toSnakeCase(className));
    this.#trainable = args.trainable ?? true;
    this.dtype = args.dtype ?? 'float32';
    this.activityRegularizer = args.activityRegularizer ? getRegularizer(args.activityRegularizer) : null;
    if (args.batchInputShape) this.batchInputShape = [...args.batchInputShape];
    else if (args.inputShape) this.batchInputShape = [args.batchSize ?? null, ...args.inputShape];
    else this.batchInputShape = null;
  }

  // ---- the three methods subclasses write ----

  /** Creates the weights once the input shape is known. */
  build(_inputShape: ShapeOrShapes): void {
    this.built = true;
  }

  /** The computation. Write it with @strata/tensor ops: it runs on eager and on symbolic tensors. */
  call(inputs: Tensor | Tensor[], _options: CallOptions = {}): Tensor | Tensor[] {
    return inputs;
  }

  /**
   * The output shape for an input shape (null = unknown batch). Layers whose output shape is not a
   * simple function of the input may leave this undefined: @strata/graph then traces `call`.
   */
  computeOutputShape?(inputShape: ShapeOrShapes): ShapeOrShapes;

  /** The mask of the output: by default the input mask where the layer supports masking. */
  computeMask(_inputs: Tensor | Tensor[], mask: CallOptions['mask']): Tensor | null | readonly (Tensor | null)[] {
    return this.supportsMasking ? (mask ?? null) : null;
  }

  // ---- calling ----

  /** Keras's `__call__`: checks the input spec, builds on first use, then calls `call()`. */
  apply(inputs: Tensor, options?: CallOptions): Tensor;
  apply(inputs: readonly Tensor[], options?: CallOptions): Tensor | Tensor[];
  apply<T extends SymbolicTensorLike>(inputs: T, options?: CallOptions): T;
  apply<T extends SymbolicTensorLike>(inputs: T | readonly LayerInput[], options?: CallOptions): T | T[];
  apply(inputs: LayerInputs, options?: CallOptions): Tensor | Tensor[] | SymbolicTensorLike | SymbolicTensorLike[];
  apply(inputs: LayerInputs, options: CallOptions = {}): unknown {
    const flat: LayerInput[] = Array.isArray(inputs) ? [...inputs] : [inputs as LayerInput];
    const symbolic = flat.find(isSymbolic);
    if (symbolic) {
      if (typeof (symbolic as SymbolicLayerInput).applyLayer !== 'function') {
        throw new LayerError(
          `Layer "${this.name}" received a symbolic tensor that cannot record layer calls; build models with input() from @strata/graph`,
        );
      }
      return (symbolic as SymbolicLayerInput).applyLayer(this, inputs, options);
    }
    for (const [i, x] of flat.entries()) {
      if (!(x instanceof Tensor)) {
        throw new LayerError(
          `Input ${i} of layer "${this.name}" must be a Tensor, received ${x === null ? 'null' : typeof x}; wrap values with tensor(...)`,
        );
      }
    }
    const tensors = flat as Tensor[];
    assertInputCompatible(this.name, this.inputSpec, tensors);
    this.ensureBuilt(Array.isArray(inputs) ? tensors.map((t) => t.shape) : tensors[0].shape);
    assertInputCompatible(this.name, this.inputSpec, tensors);
    const mask =
      options.mask !== undefined
        ? options.mask
        : Array.isArray(inputs)
          ? tensors.map((t) => maskOf(t))
          : maskOf(tensors[0]);
    const hasMask = Array.isArray(mask) ? mask.some((m) => m) : !!mask;
    const callOptions: CallOptions = { ...options, training: options.training ?? false, mask: hasMask ? mask : null };
    this.clearCallLosses();
    // call() runs inside tidy: layer authors write plain op code, intermediates are freed here.
    const outputs = tidy(() => {
      const x = Array.isArray(inputs) ? tensors : this.autocast(tensors[0]);
      return this.call(x as Tensor | Tensor[], callOptions);
    });
    this.afterCall(tensors.length === 1 && !Array.isArray(inputs) ? tensors[0] : tensors, outputs, callOptions);
    return outputs;
  }

  /** Builds the layer for an input shape if it is not built yet (graph building calls this too). */
  ensureBuilt(inputShape: ShapeOrShapes): void {
    if (this.built) return;
    if (this.batchInputShape && !isShapeList(inputShape)) {
      const expected = this.batchInputShape;
      const got = inputShape as Shape;
      const ok =
        expected.length === got.length && expected.every((d, i) => d === null || got[i] === null || d === got[i]);
      if (!ok)
        throw new LayerError(
          `Layer "${this.name}" was declared with input shape ${fmtShape(expected)} (batch first), received ${fmtShape(got)}`,
        );
    }
    this.build(inputShape);
    this.built = true;
  }

  /** Float inputs are cast to the layer's dtype, integer and bool inputs are left alone (as Keras). */
  private autocast(x: Tensor): Tensor {
    return x.dtype !== this.dtype && x.dtype === 'float32' && this.dtype !== 'float32' ? cast(x, this.dtype) : x;
  }

  private clearCallLosses(): void {
    for (const t of this.#callLosses) t.dispose();
    this.#callLosses = [];
  }

  private afterCall(inputs: Tensor | Tensor[], outputs: Tensor | Tensor[], options: CallOptions): void {
    if (this.activityRegularizer) {
      const reg = this.activityRegularizer;
      // Keras 3 adds the raw penalty (Keras 2 divided it by the batch size).
      for (const o of Array.isArray(outputs) ? outputs : [outputs]) this.addLoss(reg.call(o));
    }
    const outMask = this.computeMask(inputs, options.mask);
    if (outMask) {
      // A mask computeMask made is owned by the outputs; one passed through stays its owner's.
      const incoming = new Set([options.mask ?? []].flat());
      const put = (o: Tensor, m: Tensor | null) => setMask(o, m, { owned: m !== null && !incoming.has(m) });
      if (Array.isArray(outputs)) outputs.forEach((o, i) => put(o, (outMask as readonly (Tensor | null)[])[i] ?? null));
      else put(outputs as Tensor, outMask as Tensor);
    }
  }

  // ---- weights ----

  /** Creates a weight named `${layer.name}/${name}` (Keras's path), in Keras's order of creation. */
  addWeight(name: string, shape: readonly number[], options: AddWeightOptions = {}): Variable {
    const dtype = options.dtype ?? this.dtype;
    const initializer = getInitializer(options.initializer ?? (dtype === 'float32' ? 'glorotUniform' : 'zeros'));
    const trainable = options.trainable ?? true;
    const value = tidy(() => initializer.call(shape, dtype));
    const v = variable(value, { name: `${this.name}/${name}`, trainable: trainable && this.#trainable });
    value.dispose();
    if (options.constraint) {
      const constraint = getConstraint(options.constraint);
      v.constraint = (w) => constraint.call(w);
    }
    if (options.regularizer) this.#regularized.push([v, getRegularizer(options.regularizer)]);
    (trainable ? this.#trainableWeights : this.#nonTrainableWeights).push(v);
    this.#weightNames.set(v, name);
    return v;
  }

  /** The short name a weight was created with (`kernel`), as Keras's `variable.name`. */
  weightName(v: Variable): string {
    return this.#weightNames.get(v) ?? v.name;
  }

  /** Sublayers held in fields, arrays, Maps, Sets or plain objects, found automatically. */
  get layers(): Layer[] {
    const found: Layer[] = [];
    const seen = new Set<unknown>([this]);
    const walk = (x: unknown): void => {
      if (x === null || typeof x !== 'object' || seen.has(x)) return;
      seen.add(x);
      if (x instanceof Layer) found.push(x);
      else if (Array.isArray(x) || x instanceof Set) for (const v of x) walk(v);
      else if (x instanceof Map) for (const v of x.values()) walk(v);
      else if (nest.isRecord(x)) for (const v of Object.values(x)) walk(v);
    };
    for (const v of Object.values(this)) walk(v);
    return found;
  }

  /** Variables assigned to fields directly (a subclassed model's `this.w = variable(...)`). */
  private fieldVariables(): Variable[] {
    const own = new Set([...this.#trainableWeights, ...this.#nonTrainableWeights]);
    return Object.values(this).filter((v): v is Variable => v instanceof Variable && !own.has(v));
  }

  /** Whether optimizers update this layer's weights (false also freezes every sublayer). */
  get trainable(): boolean {
    return this.#trainable;
  }

  /** Freezes or unfreezes the layer and everything inside it (as Keras). */
  set trainable(value: boolean) {
    this.#trainable = value;
    for (const v of this.#trainableWeights) v.trainable = value;
    for (const layer of this.layers) layer.trainable = value;
  }

  /** The weights optimizers update: own, then sublayers'; empty when the layer is frozen. */
  get trainableWeights(): Variable[] {
    if (!this.#trainable) return [];
    const fields = this.fieldVariables().filter((v) => v.trainable);
    return unique([...this.#trainableWeights, ...fields, ...this.layers.flatMap((l) => l.trainableWeights)]);
  }

  /** The weights optimizers leave alone (running statistics, and every weight of a frozen layer). */
  get nonTrainableWeights(): Variable[] {
    if (!this.#trainable) return this.weights;
    const fields = this.fieldVariables().filter((v) => !v.trainable);
    return unique([...this.#nonTrainableWeights, ...fields, ...this.layers.flatMap((l) => l.nonTrainableWeights)]);
  }

  /** Every weight: own trainable, own non-trainable, then sublayers' (Keras's order). */
  get weights(): Variable[] {
    return unique([
      ...this.#trainableWeights,
      ...this.#nonTrainableWeights,
      ...this.fieldVariables(),
      ...this.layers.flatMap((l) => l.weights),
    ]);
  }

  /** The current values, as tensors the caller owns (no copy is made: tensors are immutable). */
  getWeights(): Tensor[] {
    return this.weights.map((w) => retain(w) as Tensor);
  }

  /** Replaces every weight's value, in the order of `weights`, checking each shape. */
  setWeights(values: readonly Tensor[]): void {
    const weights = this.weights;
    if (values.length !== weights.length) {
      throw new LayerError(
        `Layer "${this.name}" has ${weights.length} weight(s) (${weights.map((w) => `${w.name} ${fmtShape(w.shape)}`).join(', ')}), but setWeights received ${values.length}`,
      );
    }
    weights.forEach((w, i) => {
      const v = values[i];
      if (v.shape.length !== w.shape.length || v.shape.some((d, k) => d !== w.shape[k])) {
        throw new LayerError(
          `Layer "${this.name}": weight ${i} (${w.name}) has shape ${fmtShape(w.shape)}, but setWeights received shape ${fmtShape(v.shape)}`,
        );
      }
    });
    weights.forEach((w, i) => tidy(() => w.assign(values[i].dtype === w.dtype ? values[i] : cast(values[i], w.dtype))));
  }

  /** The number of scalars in all weights (what `summary()` prints as Param #); the layer must be built. */
  countParams(): number {
    return this.weights.reduce((n, w) => n + w.size, 0);
  }

  // ---- symbolic calls (Keras's inbound nodes) ----

  /** @internal @strata/graph records each call of this layer on symbolic tensors (not the calls a trace makes). */
  recordInboundCall(inputs: LayerInputs, outputs: unknown): void {
    this.#inboundCalls.push({ inputs, outputs });
  }

  /** How many times this layer was called on symbolic tensors: `getInputAt(i)`/`getOutputAt(i)` take 0 to this − 1. */
  get inboundCallCount(): number {
    return this.#inboundCalls.length;
  }

  #inboundCall(what: 'input' | 'output', index: number | null): { inputs: LayerInputs; outputs: unknown } {
    const calls = this.#inboundCalls;
    if (calls.length === 0) {
      throw new LayerError(
        `Layer "${this.name}" has never been called on symbolic tensors, so it has no ${what}; call it on the output of input() first`,
      );
    }
    if (index === null && calls.length > 1) {
      throw new LayerError(
        `Layer "${this.name}" was called ${calls.length} times on symbolic tensors, so "${what}" is ambiguous; use get${what === 'input' ? 'Input' : 'Output'}At(i) with i from 0 to ${calls.length - 1}`,
      );
    }
    const i = index ?? 0;
    if (!Number.isInteger(i) || i < 0 || i >= calls.length) {
      throw new LayerError(
        `Layer "${this.name}": call index must be an integer from 0 to ${calls.length - 1}, received ${i}`,
      );
    }
    return calls[i];
  }

  /** The symbolic input(s) of this layer's only call (Keras's `layer.input`): for cutting models at any layer. */
  get input(): LayerInputs {
    return this.#inboundCall('input', null).inputs;
  }

  /** The symbolic output(s) of this layer's only call (Keras's `layer.output`). */
  get output(): unknown {
    return this.#inboundCall('output', null).outputs;
  }

  /** The symbolic input(s) of call `index` of a layer called several times (a shared layer). */
  getInputAt(index: number): LayerInputs {
    return this.#inboundCall('input', index).inputs;
  }

  /** The symbolic output(s) of call `index` of a layer called several times (a shared layer). */
  getOutputAt(index: number): unknown {
    return this.#inboundCall('output', index).outputs;
  }

  // ---- losses ----

  /**
   * Adds a loss term: a tensor (owned by the layer until its next call, as Keras clears call losses)
   * or a function computed each time `losses` is read.
   */
  addLoss(loss: Tensor | (() => Tensor)): void {
    if (typeof loss === 'function') this.#addedLosses.push(loss);
    else this.#callLosses.push(keep(loss));
  }

  /** Weight regularization penalties (computed now), activity penalties and added losses, sublayers included. */
  get losses(): Tensor[] {
    const own = [
      ...this.#regularized.filter(([v]) => !v.isDisposed && v.trainable).map(([v, r]) => r.call(v)),
      ...this.#callLosses.filter((t) => !t.isDisposed),
      ...this.#addedLosses.map((f) => f()),
    ];
    return [...own, ...this.layers.flatMap((l) => l.losses)];
  }

  // ---- config and lifetime ----

  /** The constructor options that rebuild this layer: `new Cls(layer.getConfig())`. */
  getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = { name: this.name, trainable: this.trainable, dtype: this.dtype };
    if (this.batchInputShape) config.batchInputShape = [...this.batchInputShape];
    if (this.activityRegularizer) config.activityRegularizer = serialize(this.activityRegularizer);
    return config;
  }

  /** Rebuilds a layer from {@link Layer.getConfig}'s output (nested objects already deserialized). */
  static fromConfig<T extends Layer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    return new this(config as never);
  }

  /** Frees the layer's weights and its sublayers'. */
  dispose(): void {
    for (const w of this.weights) w.dispose();
    this.clearCallLosses();
  }

  toString(): string {
    return `${classNameOf(this)}(name=${this.name})`;
  }
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/**
 * Sums a list of loss tensors (0 for none).
 *
 * @example
 * ```ts
 * sumLosses([scalar(1), scalar(2)]); // 3
 * sumLosses([]); // 0
 * ```
 */
export function sumLosses(losses: readonly Tensor[]): Tensor {
  return losses.reduce<Tensor | null>((acc, l) => (acc ? add(acc, l) : l), null) ?? scalar(0);
}
