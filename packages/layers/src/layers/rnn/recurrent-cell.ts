import {
  add,
  concat,
  dropout,
  fusedMatmul,
  matmul,
  mul,
  onesLike,
  reshape,
  slice,
  type Shape,
  type Tensor,
  type Variable,
} from '@strata/tensor';
import type { CellStepOptions } from './rnn-cell';
import type { LayerArgs } from '../../layer';
import { LayerError } from '../../errors';
import { getActivation, serializeActivation, type Activation, type ActivationIdentifier } from '../../activations';
import type { Initializer } from '../../initializers';
import { classNameOf } from '../../serializable';
import { weightConfig, weightSettings, type WeightArgs, type WeightSettings } from '../../weight-settings';
import { RNNCell } from './rnn-cell';
import { SeedStream } from './seed-stream';

/**
 * The options SimpleRNNCell, LSTMCell and GRUCell share (Keras's names, camelCase); the
 * `kernel*`, `recurrent*` and `bias*` initializers default to 'glorotUniform', 'orthogonal', 'zeros'.
 */
export interface RecurrentCellArgs extends LayerArgs, WeightArgs<'kernel' | 'recurrent' | 'bias'> {
  /** The size of the output and of each state. */
  units: number;
  /** Default 'tanh'; null means linear. */
  activation?: ActivationIdentifier;
  /** Whether the cell has a bias. Default: true. */
  useBias?: boolean;
  /** Fraction of the input units dropped (training only), one mask per sequence. */
  dropout?: number;
  /** Fraction of the recurrent-state units dropped (training only), one mask per sequence. */
  recurrentDropout?: number;
  /** Seeds the dropout masks; each sequence still gets new ones. */
  seed?: number | null;
}

function rate(cls: string, name: string, value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new LayerError(
      `${cls}: ${name} must be a number in [0, 1), received ${JSON.stringify(value)}; 0 turns it off`,
    );
  }
  return value;
}

/** Keras's `implementation` (1: per-gate matmuls, 2: fused): accepted and checked; both compute the same. */
export function checkImplementation(cls: string, value: unknown): number {
  if (value === undefined) return 2;
  if (value !== 1 && value !== 2)
    throw new LayerError(`${cls}: implementation must be 1 or 2, received ${JSON.stringify(value)}`);
  return value;
}

/**
 * The weights and dropout of Keras's recurrent cells: `kernel` [inputDim, gates·units],
 * `recurrent_kernel` [units, gates·units] and `bias`, with gate g in columns [g·units, (g+1)·units).
 *
 * @example
 * ```ts
 * // SimpleRNNCell, LSTMCell and GRUCell extend it; build a layer from one with RNN:
 * const layer = new RNN({ cell: new GRUCell({ units: 16, dropout: 0.1, recurrentDropout: 0.1 }) });
 * ```
 */
export abstract class RecurrentCell extends RNNCell {
  /** The size of the output and of each state. */
  readonly units: number;
  /** The activation of the output (and of the candidate state). */
  readonly activation: Activation;
  /** Whether the cell has a bias. */
  readonly useBias: boolean;
  /** The input kernel's initializer, regularizer and constraint. */
  readonly kernelSettings: WeightSettings;
  /** The recurrent kernel's initializer, regularizer and constraint. */
  readonly recurrentSettings: WeightSettings;
  /** The bias's initializer, regularizer and constraint. */
  readonly biasSettings: WeightSettings;
  /** The fraction of input units dropped in training. */
  readonly dropout: number;
  /** The fraction of recurrent-state units dropped in training. */
  readonly recurrentDropout: number;
  /** The dropout seed, or null. */
  readonly seed: number | null;
  /** The input kernel [features, gates × units]; created by build(). */
  kernel!: Variable;
  /** The recurrent kernel [units, gates × units]; created by build(). */
  recurrentKernel!: Variable;
  /** The bias (gates × units; GRU with resetAfter: [2, 3 × units]), or null when `useBias` is false. */
  bias: Variable | null = null;
  // Keras draws each mask once per sequence and reuses it at every step (variational dropout).
  #inputMasks: Tensor[] | null = null;
  #recurrentMasks: Tensor[] | null = null;
  readonly #seeds: SeedStream;

  constructor(args: RecurrentCellArgs) {
    super(args);
    const cls = classNameOf(this);
    if (!Number.isInteger(args?.units) || args.units <= 0)
      throw new LayerError(`${cls}: units must be a positive integer, received ${JSON.stringify(args?.units)}`);
    if (args.seed !== undefined && args.seed !== null && !Number.isInteger(args.seed))
      throw new LayerError(`${cls}: seed must be an integer or null, received ${JSON.stringify(args.seed)}`);
    this.units = args.units;
    this.activation = getActivation(args.activation === undefined ? 'tanh' : args.activation);
    this.useBias = args.useBias ?? true;
    this.kernelSettings = weightSettings(args, 'kernel', 'glorotUniform');
    this.recurrentSettings = weightSettings(args, 'recurrent', 'orthogonal');
    this.biasSettings = weightSettings(args, 'bias', 'zeros');
    this.dropout = rate(cls, 'dropout', args.dropout);
    this.recurrentDropout = rate(cls, 'recurrentDropout', args.recurrentDropout);
    this.seed = args.seed ?? null;
    this.#seeds = new SeedStream(this.seed);
  }

  /** The number of gates whose weights sit side by side in the kernels (LSTM 4, GRU 3, SimpleRNN 1). */
  protected abstract get gates(): number;

  /** Creates kernel, recurrent_kernel and (with useBias) a bias of `biasShape`, in Keras's order. */
  protected addCellWeights(
    stepInputShape: Shape,
    biasShape: number[],
    biasInitializer: Initializer = this.biasSettings.initializer,
  ): void {
    const inputDim = stepInputShape[stepInputShape.length - 1];
    if (inputDim === null || stepInputShape.length !== 2) {
      throw new LayerError(
        `${classNameOf(this)} "${this.name}": expected a step input of shape [batch, features] with known features, received [${stepInputShape}]`,
      );
    }
    const width = this.gates * this.units;
    this.kernel = this.addWeight('kernel', [inputDim, width], this.kernelSettings);
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, width], this.recurrentSettings);
    if (this.useBias)
      this.bias = this.addWeight('bias', biasShape, { ...this.biasSettings, initializer: biasInitializer });
  }

  /** The bias added to x·W before the recurrence (LSTM, SimpleRNN: the bias; GRU: its input row), or null. */
  protected abstract inputBias(): Tensor | null;

  /** One step from x·W + b (what `projectInput` or `projectSequence` computed) and the previous states. */
  abstract stepProjected(xw: Tensor, states: readonly Tensor[], options: CellStepOptions): [Tensor, Tensor[]];

  step(x: Tensor, states: readonly Tensor[], options: CellStepOptions): [Tensor, Tensor[]] {
    return this.stepProjected(this.projectInput(x, options.training), states, options);
  }

  /** x·W + b for one step's input [batch, features], with this sequence's input dropout. */
  projectInput(x: Tensor, training: boolean | undefined): Tensor {
    const xw = this.project(x, this.kernel, this.inputMasks(x, training));
    const bias = this.inputBias();
    return bias ? add(xw, bias) : xw;
  }

  /**
   * x·W + b for every step of a [batch, time, features] sequence in one matmul, where a step-by-step
   * loop (tfjs-layers') runs one small matmul per step; only the h·U half is left in the loop. Null
   * in training with input dropout, whose masks apply per gate: then each step projects its own input.
   */
  projectSequence(sequences: Tensor, training: boolean | undefined): Tensor | null {
    if (training && this.dropout > 0) return null;
    const [, time, features] = sequences.shape as number[];
    const xw = fusedMatmul({
      a: reshape(sequences, [-1, features]),
      b: this.kernel,
      bias: this.inputBias() ?? undefined,
    });
    return reshape(xw, [-1, time, this.gates * this.units]);
  }

  /** The columns of `count` gates of a fused kernel, starting at gate `gate`. */
  protected gateColumns(w: Tensor, gate: number, count = 1): Tensor {
    return slice(w, [0, gate * this.units], [-1, count * this.units]);
  }

  /**
   * `x · w` for the first `count` gates of w. With dropout masks (one per gate, as Keras's
   * implementation 1) each gate sees its own dropped copy of x; without, one fused matmul.
   */
  protected project(x: Tensor, w: Tensor, masks: readonly Tensor[] | null, count = this.gates): Tensor {
    const columns = count === this.gates ? w : this.gateColumns(w, 0, count);
    if (!masks) return matmul(x, columns);
    const perGate = Array.from({ length: count }, (_, g) => matmul(mul(x, masks[g]), this.gateColumns(w, g)));
    return count === 1 ? perGate[0] : concat(perGate, -1);
  }

  /** This sequence's input dropout masks (one per gate), or null outside training or without dropout. */
  protected inputMasks(x: Tensor, training: boolean | undefined): Tensor[] | null {
    if (!training || this.dropout === 0) return null;
    this.#inputMasks ??= this.drawMasks(x, this.dropout);
    return this.#inputMasks;
  }

  /** This sequence's recurrent dropout masks (one per gate), or null outside training or without recurrentDropout. */
  protected recurrentMasks(h: Tensor, training: boolean | undefined): Tensor[] | null {
    if (!training || this.recurrentDropout === 0) return null;
    this.#recurrentMasks ??= this.drawMasks(h, this.recurrentDropout);
    return this.#recurrentMasks;
  }

  override resetDropoutMasks(): void {
    this.#inputMasks = null;
    this.#recurrentMasks = null;
  }

  private drawMasks(like: Tensor, dropRate: number): Tensor[] {
    return Array.from({ length: this.gates }, () => dropout(onesLike(like), dropRate, { seed: this.#seeds.next() }));
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      units: this.units,
      activation: serializeActivation(this.activation),
      useBias: this.useBias,
      ...weightConfig({ kernel: this.kernelSettings, recurrent: this.recurrentSettings, bias: this.biasSettings }),
      dropout: this.dropout,
      recurrentDropout: this.recurrentDropout,
      seed: this.seed,
    };
  }
}
