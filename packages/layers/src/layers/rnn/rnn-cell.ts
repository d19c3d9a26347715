import { slice, tile, zeros, zerosLike, type Shape, type Tensor } from '@strata/tensor';
import { Layer, type CallOptions, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { classNameOf } from '../../serializable';

/** What a cell's step receives besides the input and the states. */
export interface CellStepOptions {
  /** Whether dropout applies (true inside fit()). */
  training?: boolean;
}

/**
 * One step of a recurrent network, as Keras's RNN cell: `stateSize` says how many states it carries
 * and their sizes, `step(x_t, states)` maps one timestep's input and the previous states to the
 * output and the next states. The `RNN` layer runs it over the time axis.
 *
 * Keras names the step `call(inputs, states, training)`; here `call` keeps the Layer signature, so a
 * cell also works alone: `cell.apply([x_t, ...states])` returns `[output, ...newStates]`.
 *
 * @example
 * ```ts
 * // A cell whose state is the running sum of its inputs:
 * class SumCell extends RNNCell {
 *   static override className = 'SumCell';
 *   constructor(readonly units: number) {
 *     super();
 *   }
 *   get stateSize(): number {
 *     return this.units;
 *   }
 *   protected buildCell(): void {}
 *   step(x: Tensor, [h]: readonly Tensor[]): [Tensor, Tensor[]] {
 *     const next = add(h, x);
 *     return [next, [next]];
 *   }
 * }
 * new RNN({ cell: new SumCell(3) }).apply(ones([2, 5, 3])); // [2, 3], all 5
 * ```
 */
export abstract class RNNCell extends Layer {
  /** One size per state (LSTM: [units, units]); a number for a single state. */
  abstract get stateSize(): number | readonly number[];

  /** The size of the output at each step (Keras's `output_size`): the first state's size by default. */
  get outputSize(): number {
    return this.stateSizes[0];
  }

  /** `stateSize` as a list. */
  get stateSizes(): number[] {
    const size = this.stateSize;
    return typeof size === 'number' ? [size] : [...size];
  }

  /** The computation of one timestep: `[output, newStates]`, written with ops only (it is traced symbolically too). */
  abstract step(input: Tensor, states: readonly Tensor[], options: CellStepOptions): [Tensor, Tensor[]];

  /** Forgets per-sequence dropout masks; the RNN calls this before and after each sequence. */
  resetDropoutMasks(): void {}

  /**
   * Zero states for a batch, as Keras's `get_initial_state`. When the batch size is unknown (a
   * symbolic trace), zeros are derived from the step input so that they get its batch axis.
   */
  getInitialState(batchSize: number | null, stepInput?: Tensor): Tensor[] {
    if (batchSize !== null) return this.stateSizes.map((s) => zeros([batchSize, s], this.dtype));
    if (!stepInput)
      throw new LayerError(
        `${classNameOf(this)} "${this.name}": the batch size is unknown, so initial states cannot be made; pass initialState`,
      );
    const column = zerosLike(slice(stepInput, [0, 0], [-1, 1]));
    return this.stateSizes.map((s) => tile(column, [1, s]));
  }

  override call(inputs: Tensor | Tensor[], options: CallOptions = {}): Tensor[] {
    const [input, ...given] = Array.isArray(inputs) ? inputs : [inputs];
    const states = given.length > 0 ? given : this.getInitialState(input.shape[0], input);
    if (states.length !== this.stateSizes.length) {
      throw new LayerError(
        `${classNameOf(this)} "${this.name}" carries ${this.stateSizes.length} state(s) (sizes ${JSON.stringify(this.stateSizes)}), but it was called with ${states.length}; call it as apply([input, ...states])`,
      );
    }
    this.resetDropoutMasks();
    try {
      const [output, next] = this.step(input, states, { training: options.training });
      return [output, ...next];
    } finally {
      this.resetDropoutMasks();
    }
  }

  override build(inputShape: ShapeOrShapes): void {
    this.buildCell(stepInputShape(inputShape));
    this.built = true;
  }

  /** Creates the weights for a step input of shape [batch, features]. */
  protected abstract buildCell(stepInputShape: Shape): void;

  override computeOutputShape(inputShape: ShapeOrShapes): Shape[] {
    const batch = stepInputShape(inputShape)[0];
    return [[batch, this.outputSize], ...this.stateSizes.map((s) => [batch, s])];
  }
}

function stepInputShape(inputShape: ShapeOrShapes): Shape {
  return (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
}
