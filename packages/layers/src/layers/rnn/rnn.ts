import {
  cast,
  clone,
  expandDims,
  stack,
  unstack,
  variable,
  where,
  zerosLike,
  type Shape,
  type Tensor,
  type Variable,
} from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type CallOptions, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import type { FromConfigOptions } from '../../layer-catalog';
import { classNameOf, serialize } from '../../serializable';
import { RNNCell } from './rnn-cell';
import { RecurrentCell } from './recurrent-cell';
import { deserializeNestedLayer, resolveNested, type NestedLayer } from './nested-layers';

/** The options of the recurrent layers (RNN, SimpleRNN, LSTM, GRU), Keras's names in camelCase. */
export interface RNNLayerArgs extends LayerArgs {
  /** Return the output of every step, [batch, time, units], instead of the last, [batch, units]. */
  returnSequences?: boolean;
  /** Also return the last states: `[output, ...states]`. */
  returnState?: boolean;
  /** Read the sequence backwards (the returned sequence is then in reversed order, as Keras). */
  goBackwards?: boolean;
  /** Carry the last states of a batch over as the initial states of the next (fixed batch size); `resetStates()` zeroes them. */
  stateful?: boolean;
  /** Accepted for Keras compatibility: steps always run as a JavaScript loop, which is an unrolled network. */
  unroll?: boolean;
  /** Masked steps output zeros instead of repeating the previous output (Bidirectional sets it with returnSequences). */
  zeroOutputForMask?: boolean;
}

export interface RNNArgs extends RNNLayerArgs {
  /** The step: an RNNCell (SimpleRNNCell, LSTMCell, GRUCell or your own) or its `{className, config}`. */
  cell: NestedLayer<RNNCell>;
}

/** Call arguments besides the input: Keras's `initial_state` (also accepted as `apply([x, ...states])`). */
export interface RNNCallOptions extends CallOptions {
  /** The states the first step starts from (one per state of the cell). Default: zeros. */
  initialState?: Tensor | readonly Tensor[] | null;
}

function flag(cls: string, name: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean')
    throw new LayerError(`${cls}: ${name} must be true or false, received ${JSON.stringify(value)}`);
  return value;
}

function firstShape(inputShape: ShapeOrShapes): Shape {
  return (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
}

function firstMask(mask: CallOptions['mask']): Tensor | null {
  return (Array.isArray(mask) ? mask[0] : mask) ?? null;
}

/**
 * Runs a cell over the time axis of a [batch, time, features] input (Keras's RNN). A masked step
 * (mask false) leaves the states unchanged and outputs the previous output (zeros before the first,
 * or always zeros with zeroOutputForMask), as Keras does.
 *
 * Output: [batch, units] (the last step), or [batch, time, units] with `returnSequences`; with `returnState`, followed
 * by the last states.
 *
 * @example
 * ```ts
 * const rnn = new RNN({ cell: new LSTMCell({ units: 32 }), returnSequences: true });
 * const y = rnn.apply(ones([4, 10, 8])); // shape [4, 10, 32]
 * ```
 */
export class RNN extends Layer {
  static override className = 'RNN';

  /** From a config, its nested cell resolved by `resolveLayer` (which knows registered and custom classes). */
  static override fromConfig<T extends Layer>(
    this: new (
      args: never,
    ) => T,
    config: Record<string, unknown>,
    options: FromConfigOptions = {},
  ): T {
    const cell = 'cell' in config ? { cell: resolveNested(config.cell, options.resolveLayer) } : {};
    return new this({ ...config, ...cell } as never);
  }
  /** The cell run at every step. */
  readonly cell: RNNCell;
  /** Whether every step's output is returned, or only the last. */
  readonly returnSequences: boolean;
  /** Whether the last states are returned after the output. */
  readonly returnState: boolean;
  /** Whether the sequence is read backwards. */
  readonly goBackwards: boolean;
  /** Whether the last states carry over to the next batch. */
  readonly stateful: boolean;
  /** Kept for Keras's config: steps always run as a JavaScript loop. */
  readonly unroll: boolean;
  /** Whether masked steps output zeros (rather than the previous output). */
  zeroOutputForMask: boolean;
  /** The carried states of a stateful layer; not weights (Keras does not save them either). */
  #states: Variable[] | null = null;

  constructor(args: RNNArgs) {
    super(args);
    const cls = classNameOf(this);
    if (Array.isArray(args?.cell))
      throw new LayerError(
        `${cls}: a list of cells (StackedRNNCells) is not supported yet; stack RNN layers with returnSequences: true instead`,
      );
    this.cell = deserializeNestedLayer(cls, 'cell', args?.cell, RNNCell);
    this.returnSequences = flag(cls, 'returnSequences', args.returnSequences);
    this.returnState = flag(cls, 'returnState', args.returnState);
    this.goBackwards = flag(cls, 'goBackwards', args.goBackwards);
    this.stateful = flag(cls, 'stateful', args.stateful);
    this.unroll = flag(cls, 'unroll', args.unroll);
    this.zeroOutputForMask = flag(cls, 'zeroOutputForMask', args.zeroOutputForMask);
    this.supportsMasking = true;
  }

  /** The carried states of a stateful layer (null before it is built or when not stateful). */
  get states(): Variable[] | null {
    return this.#states;
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = firstShape(inputShape);
    if (shape.length !== 3) {
      throw new LayerError(
        `${classNameOf(this)} "${this.name}": expected an input of shape [batch, time, features], received ${fmtShape(shape)}`,
      );
    }
    this.cell.ensureBuilt([shape[0], ...shape.slice(2)]);
    if (this.stateful) {
      const batch = shape[0];
      if (batch === null) {
        throw new LayerError(
          `${classNameOf(this)} "${this.name}": stateful: true needs a fixed batch size, received input shape ${fmtShape(shape)}; give the input a batchSize`,
        );
      }
      this.#states = this.cell.getInitialState(batch).map((s, i) => {
        const v = variable(s, { name: `${this.name}/rnn_state_${i}`, trainable: false });
        s.dispose();
        return v;
      });
    }
    this.built = true;
  }

  /** Zeroes the carried states of a stateful layer, or sets them to `states` (Keras's reset_state). */
  resetStates(states?: readonly Tensor[]): void {
    if (!this.stateful)
      throw new LayerError(
        `${classNameOf(this)} "${this.name}" is not stateful; construct it with stateful: true to carry states across batches`,
      );
    if (!this.#states) return;
    if (states && states.length !== this.#states.length) {
      throw new LayerError(
        `${classNameOf(this)} "${this.name}": resetStates expects ${this.#states.length} state(s), received ${states.length}`,
      );
    }
    this.#states.forEach((v, i) => {
      const value = states ? states[i] : zerosLike(v);
      v.assign(value);
      if (!states) value.dispose();
    });
  }

  /** Keras 3's name for resetStates. */
  resetState(states?: readonly Tensor[]): void {
    this.resetStates(states);
  }

  override call(inputs: Tensor | Tensor[], options: RNNCallOptions = {}): Tensor | Tensor[] {
    const [sequences, ...stateInputs] = Array.isArray(inputs) ? inputs : [inputs];
    if (sequences.shape.length !== 3) {
      throw new LayerError(
        `${classNameOf(this)} "${this.name}": expected an input of shape [batch, time, features], received ${fmtShape(sequences.shape)}`,
      );
    }
    // Recurrent cells project the whole sequence's input in one matmul; the loop then does h·U only.
    const projected =
      this.cell instanceof RecurrentCell ? this.cell.projectSequence(sequences, options.training) : null;
    let steps = unstack(projected ?? sequences, 1);
    if (steps.length === 0)
      throw new LayerError(
        `${classNameOf(this)} "${this.name}": the input has no timesteps (shape ${fmtShape(sequences.shape)})`,
      );
    let keep = this.stepMasks(sequences, firstMask(options.mask));
    const initial = this.initialStates(sequences.shape[0], steps[0], stateInputs, options.initialState);
    if (this.goBackwards) {
      steps = steps.reverse();
      keep = keep?.reverse() ?? null;
    }
    this.cell.resetDropoutMasks();
    let states = initial;
    let previous: Tensor | null = null;
    const outputs: Tensor[] = [];
    try {
      for (const [t, x] of steps.entries()) {
        let [output, next] = projected
          ? (this.cell as RecurrentCell).stepProjected(x, states, { training: options.training })
          : this.cell.step(x, states, { training: options.training });
        if (keep) {
          const kept = keep[t];
          const fallback: Tensor = this.zeroOutputForMask || !previous ? zerosLike(output) : previous;
          const before = states;
          output = where(kept, output, fallback);
          next = next.map((s, i) => where(kept, s, before[i]));
        }
        previous = output;
        states = next;
        if (this.returnSequences) outputs.push(output);
      }
    } finally {
      this.cell.resetDropoutMasks();
    }
    if (this.#states) this.#states.forEach((v, i) => v.assign(states[i]));
    const output = this.returnSequences ? stack(outputs, 1) : previous!;
    return this.returnState ? [output, ...states] : output;
  }

  /** The mask as one [batch, 1] bool tensor per step, or null. */
  private stepMasks(sequences: Tensor, mask: Tensor | null): Tensor[] | null {
    if (!mask) return null;
    const [batch, time] = sequences.shape;
    const fits =
      mask.shape.length === 2 &&
      [batch, time].every((d, i) => d === null || mask.shape[i] === null || mask.shape[i] === d);
    if (!fits) {
      throw new LayerError(
        `${classNameOf(this)} "${this.name}": the mask must have shape [batch, time] = ${fmtShape([batch, time])}, received ${fmtShape(mask.shape)}`,
      );
    }
    return unstack(cast(mask, 'bool'), 1).map((m) => expandDims(m, -1));
  }

  private initialStates(
    batch: number | null,
    firstStep: Tensor,
    stateInputs: Tensor[],
    option: RNNCallOptions['initialState'],
  ): Tensor[] {
    const given = stateInputs.length > 0 ? stateInputs : option ? [option].flat() : null;
    if (!given) {
      if (this.#states) {
        if (batch !== null && batch !== this.#states[0].shape[0]) {
          throw new LayerError(
            `${classNameOf(this)} "${this.name}" is stateful with batch size ${this.#states[0].shape[0]}, but received a batch of ${batch}; stateful layers need the same batch size every call`,
          );
        }
        // Copies: the variables are reassigned at the end of the call, and the gradient tape must see the values used.
        return this.#states.map((v) => clone(v));
      }
      return this.cell.getInitialState(batch, firstStep);
    }
    const sizes = this.cell.stateSizes;
    if (given.length !== sizes.length) {
      throw new LayerError(
        `${classNameOf(this)} "${this.name}" has ${sizes.length} state(s) of sizes ${JSON.stringify(sizes)}, but ${given.length} initial state(s) were given`,
      );
    }
    given.forEach((s, i) => {
      if (s.shape.length !== 2 || (s.shape[1] !== null && s.shape[1] !== sizes[i])) {
        throw new LayerError(
          `${classNameOf(this)} "${this.name}": initial state ${i} must have shape [batch, ${sizes[i]}], received ${fmtShape(s.shape)}`,
        );
      }
    });
    return [...given];
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape | Shape[] {
    const [batch, time] = firstShape(inputShape);
    const output: Shape = this.returnSequences ? [batch, time, this.cell.outputSize] : [batch, this.cell.outputSize];
    return this.returnState ? [output, ...this.cell.stateSizes.map((s): Shape => [batch, s])] : output;
  }

  override computeMask(_inputs: Tensor | Tensor[], mask: CallOptions['mask']): Tensor | null | (Tensor | null)[] {
    const outputMask = this.returnSequences ? firstMask(mask) : null;
    return this.returnState ? [outputMask, ...this.cell.stateSizes.map(() => null)] : outputMask;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      returnSequences: this.returnSequences,
      returnState: this.returnState,
      goBackwards: this.goBackwards,
      stateful: this.stateful,
      unroll: this.unroll,
      zeroOutputForMask: this.zeroOutputForMask,
      cell: serialize(this.cell),
    };
  }

  override dispose(): void {
    super.dispose();
    for (const v of this.#states ?? []) v.dispose();
    this.#states = null;
  }
}
