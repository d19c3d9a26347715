import { dropout, expandDims, matmul, mul, reshape, softmax, transpose, type Shape, type Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type CallOptions, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { getRegularizer, type Regularizer } from '../../regularizers';
import { serialize } from '../../serializable';
import { weightConfig, weightSettings, type WeightArgs, type WeightSettings } from '../../weight-settings';
import { SeedStream } from '../rnn/seed-stream';
import { EinsumProjection } from './einsum-projection';
import { causalMask, combineMasks, keyMaskForScores, replaceMaskedScores } from './score-masks';

/** The options; `kernel*` and `bias*` (defaults 'glorotUniform', 'zeros') apply to all four projections. */
export interface MultiHeadAttentionArgs extends LayerArgs, WeightArgs<'kernel' | 'bias'> {
  /** The number of attention heads. */
  numHeads: number;
  /** Size of each head for query and key. */
  keyDim: number;
  /** Size of each head for value; default keyDim. */
  valueDim?: number | null;
  /** Fraction of the attention weights dropped (training only). */
  dropout?: number;
  /** Whether the projections have biases. Default: true. */
  useBias?: boolean;
  /** The output's shape besides batch and sequence axes; default the query's last axis. */
  outputShape?: number | readonly number[] | null;
  /** Axes attention runs over; only the default (every axis between batch and features) is supported. */
  attentionAxes?: number | readonly number[] | null;
  /** Seeds the dropout; each call still draws a new mask. */
  seed?: number | null;
  /** Keras's fused-kernel switch: only null/false (there is no flash attention kernel here). */
  flashAttention?: boolean | null;
}

/** Call arguments besides `[query, value, key?]` (Keras's call kwargs). Query, value and key masks come with the inputs. */
export interface MultiHeadAttentionCallOptions extends CallOptions {
  /** Bool [batch, Tq, Tv] (broadcastable): which keys each query may attend to. */
  attentionMask?: Tensor | null;
  /** Query position i may only attend to key positions j <= i. */
  useCausalMask?: boolean;
  /** Also return the attention weights [batch, heads, Tq, Tv] (before dropout, as Keras). */
  returnAttentionScores?: boolean;
}

function positiveInt(name: string, value: unknown): number {
  if (!Number.isInteger(value) || (value as number) <= 0)
    throw new LayerError(`MultiHeadAttention: ${name} must be a positive integer, received ${JSON.stringify(value)}`);
  return value as number;
}

function flag(name: string, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean')
    throw new LayerError(
      `MultiHeadAttention: the call option ${name} must be true or false, received ${JSON.stringify(value)}`,
    );
  return value;
}

/** The sequence length of a [batch, ...positions, features] shape: all position axes as one. */
function flatLength(shape: Shape): number | null {
  const positions = shape.slice(1, -1);
  return positions.some((d) => d === null) ? null : (positions as number[]).reduce((a, b) => a * b, 1);
}

/**
 * Multi-head attention (Vaswani et al. 2017), as Keras 3: query, key and value are projected to
 * `numHeads` heads (sublayers query, key, value: kernels [dim, heads, keyDim]), each head attends
 * with softmax(q·kᵀ / √keyDim), and the heads are projected back (attention_output: kernel
 * [heads, valueDim, ...outputShape]). Inputs [query, value, key?] of shape [batch, ...positions, dim].
 *
 * Output: [batch, ...query positions, outputShape or the query's last axis]; with `returnAttentionScores`, also the
 * scores [batch, numHeads, Tq, Tv].
 *
 * @example
 * ```ts
 * const x = input({ shape: [10, 64] });
 * const mha = new MultiHeadAttention({ numHeads: 4, keyDim: 16 });
 * const y = mha.apply([x, x]); // self-attention: [batch, 10, 64]
 * ```
 */
export class MultiHeadAttention extends Layer {
  static override className = 'MultiHeadAttention';
  /** The number of attention heads. */
  readonly numHeads: number;
  /** The size of each head for query and key. */
  readonly keyDim: number;
  /** The size of each head for value. */
  readonly valueDim: number;
  /** The fraction of attention weights dropped in training. */
  readonly dropout: number;
  /** Whether the projections have biases. */
  readonly useBias: boolean;
  /** The output's shape besides batch and sequence axes, or null for the query's last axis. */
  readonly outputShape: number[] | null;
  /** The axes attention runs over, or null for every axis between batch and features. */
  readonly attentionAxes: number[] | null;
  /** The four projections' kernel initializer, regularizer and constraint. */
  readonly kernelSettings: WeightSettings;
  /** The four projections' bias initializer, regularizer and constraint. */
  readonly biasSettings: WeightSettings;
  /** The dropout seed, or null. */
  readonly seed: number | null;
  // In Keras's order: the weights are query's, key's, value's, then attention_output's.
  /** The query projection [dim, numHeads, keyDim]; created by build(). */
  queryDense!: EinsumProjection;
  /** The key projection [dim, numHeads, keyDim]; created by build(). */
  keyDense!: EinsumProjection;
  /** The value projection [dim, numHeads, valueDim]; created by build(). */
  valueDense!: EinsumProjection;
  /** The output projection [numHeads, valueDim, outputDim]; created by build(). */
  outputDense!: EinsumProjection;
  readonly #seeds: SeedStream;
  // Keras gives the activity regularizer to the four projections, not to the layer's own outputs.
  readonly #projectionActivityRegularizer: Regularizer | null;

  constructor(args: MultiHeadAttentionArgs) {
    super({ ...args, activityRegularizer: undefined });
    this.#projectionActivityRegularizer = args?.activityRegularizer ? getRegularizer(args.activityRegularizer) : null;
    this.numHeads = positiveInt('numHeads', args?.numHeads);
    this.keyDim = positiveInt('keyDim', args.keyDim);
    this.valueDim = args.valueDim == null ? this.keyDim : positiveInt('valueDim', args.valueDim);
    this.dropout = args.dropout ?? 0;
    if (typeof this.dropout !== 'number' || !(this.dropout >= 0 && this.dropout < 1))
      throw new LayerError(
        `MultiHeadAttention: dropout must be a number in [0, 1), received ${JSON.stringify(args.dropout)}`,
      );
    this.useBias = args.useBias ?? true;
    const outputShape =
      args.outputShape == null
        ? null
        : typeof args.outputShape === 'number'
          ? [args.outputShape]
          : [...args.outputShape];
    if (outputShape && (outputShape.length === 0 || outputShape.some((d) => !Number.isInteger(d) || d <= 0))) {
      throw new LayerError(
        `MultiHeadAttention: outputShape must be a positive integer or a list of them, received ${JSON.stringify(args.outputShape)}`,
      );
    }
    this.outputShape = outputShape;
    const axes =
      args.attentionAxes == null
        ? null
        : typeof args.attentionAxes === 'number'
          ? [args.attentionAxes]
          : [...args.attentionAxes];
    if (axes && (axes.length === 0 || axes.some((a) => !Number.isInteger(a))))
      throw new LayerError(
        `MultiHeadAttention: attentionAxes must be an integer, a list of integers or null, received ${JSON.stringify(args.attentionAxes)}`,
      );
    this.attentionAxes = axes;
    if (args.flashAttention)
      throw new LayerError(
        'MultiHeadAttention: flashAttention is not supported (there is no fused attention kernel); leave it null',
      );
    this.kernelSettings = weightSettings(args, 'kernel', 'glorotUniform');
    this.biasSettings = weightSettings(args, 'bias', 'zeros');
    this.seed = args.seed ?? null;
    if (this.seed !== null && !Number.isInteger(this.seed))
      throw new LayerError(
        `MultiHeadAttention: seed must be an integer or null, received ${JSON.stringify(args.seed)}`,
      );
    this.#seeds = new SeedStream(this.seed);
    this.supportsMasking = true;
  }

  private projection(name: string, contractedAxes: number, outputShape: number[]): EinsumProjection {
    return new EinsumProjection({
      name,
      contractedAxes,
      outputShape,
      useBias: this.useBias,
      dtype: this.dtype,
      kernelSettings: this.kernelSettings,
      biasSettings: this.biasSettings,
      activityRegularizer: this.#projectionActivityRegularizer ?? undefined,
    });
  }

  override build(inputShape: ShapeOrShapes): void {
    const [query, value, key = value] = this.checkShapes(inputShape);
    this.checkAttentionAxes(query.length);
    this.queryDense = this.projection('query', 1, [this.numHeads, this.keyDim]);
    this.queryDense.ensureBuilt(query);
    this.keyDense = this.projection('key', 1, [this.numHeads, this.keyDim]);
    this.keyDense.ensureBuilt(key);
    this.valueDense = this.projection('value', 1, [this.numHeads, this.valueDim]);
    this.valueDense.ensureBuilt(value);
    this.outputDense = this.projection('attention_output', 2, this.outputShape ?? [query[query.length - 1] as number]);
    this.outputDense.ensureBuilt([...query.slice(0, -1), this.numHeads, this.valueDim]);
    this.inputSpec = (inputShape as Shape[]).map((s) => ({
      ndim: s.length,
      axes: { [-1]: s[s.length - 1] as number },
    }));
    this.built = true;
  }

  private checkShapes(inputShape: ShapeOrShapes): Shape[] {
    const shapes = inputShape as Shape[];
    if (!Array.isArray(inputShape[0]) || shapes.length < 2 || shapes.length > 3) {
      throw new LayerError(
        `MultiHeadAttention "${this.name}" takes a list of 2 or 3 inputs, [query, value] or [query, value, key], received ${JSON.stringify(inputShape)}`,
      );
    }
    for (const [i, s] of shapes.entries()) {
      if (s.length < 3 || s[s.length - 1] === null)
        throw new LayerError(
          `MultiHeadAttention "${this.name}": ${['query', 'value', 'key'][i]} must have shape [batch, ...positions, dim] with a known dim, received ${fmtShape(s)}`,
        );
    }
    const [query, value, key = value] = shapes;
    const sameSpan =
      value.length === key.length &&
      value.slice(1, -1).every((d, i) => d === null || key[i + 1] === null || d === key[i + 1]);
    if (!sameSpan)
      throw new LayerError(
        `MultiHeadAttention "${this.name}": value and key must agree on every axis but the last, received value ${fmtShape(value)} and key ${fmtShape(key)}`,
      );
    if (value.length !== query.length)
      throw new LayerError(
        `MultiHeadAttention "${this.name}": query and value must have the same rank, received query ${fmtShape(query)} and value ${fmtShape(value)}`,
      );
    return shapes;
  }

  /** Only Keras's default axes (all position axes) are supported; naming them explicitly is fine. */
  private checkAttentionAxes(rank: number): void {
    if (!this.attentionAxes) return;
    const defaults = Array.from({ length: rank - 2 }, (_, i) => i + 1);
    const given = this.attentionAxes.map((a) => (a < 0 ? rank + a : a));
    if (given.length !== defaults.length || given.some((a, i) => a !== defaults[i])) {
      throw new LayerError(
        `MultiHeadAttention "${this.name}": attentionAxes ${JSON.stringify(this.attentionAxes)} is not supported yet; only attention over all position axes (${JSON.stringify(defaults)}, the default null) is`,
      );
    }
  }

  override call(inputs: Tensor | Tensor[], options: MultiHeadAttentionCallOptions = {}): Tensor | Tensor[] {
    if (!Array.isArray(inputs))
      throw new LayerError(
        `MultiHeadAttention "${this.name}" takes a list of inputs, [query, value] or [query, value, key], received one tensor`,
      );
    this.checkShapes(inputs.map((t) => t.shape));
    const [query, value, key = value] = inputs;
    const masks = Array.isArray(options.mask) ? options.mask : [options.mask ?? null];
    const [queryMask, valueMask, keyMask] = [
      masks[0] ?? null,
      masks[1] ?? null,
      inputs.length > 2 ? (masks[2] ?? null) : null,
    ];
    const causal = flag('useCausalMask', options.useCausalMask);
    const returnScores = flag('returnAttentionScores', options.returnAttentionScores);
    const positions = query.shape.length > 3;
    if (causal && positions)
      throw new LayerError(
        `MultiHeadAttention "${this.name}": useCausalMask needs [batch, time, dim] inputs, received query ${fmtShape(query.shape)}`,
      );
    const [tq, tv] = [flatLength(query.shape), flatLength(value.shape)];

    // Attention over several position axes is attention over them flattened into one.
    const toSequence = (t: Tensor) =>
      positions ? reshape(t, [-1, flatLength(t.shape)!, t.shape[t.shape.length - 1] as number]) : t;
    const sequenceMask = (m: Tensor | null, length: number | null) => (m && positions ? reshape(m, [-1, length!]) : m);
    // [batch, T, heads, dim] → [batch, heads, T, dim]
    const heads = (t: Tensor) => transpose(t, [0, 2, 1, 3]);
    const q = heads(mul(this.queryDense.apply(toSequence(query)), 1 / Math.sqrt(this.keyDim)));
    const k = heads(this.keyDense.apply(toSequence(key)));
    const v = heads(this.valueDense.apply(toSequence(value)));
    const scores = matmul(q, k, { transposeB: true });

    const given = options.attentionMask
      ? positions
        ? reshape(options.attentionMask, [-1, tq!, tv!])
        : options.attentionMask
      : null;
    const qm = sequenceMask(queryMask, tq);
    const mask = combineMasks(
      given,
      qm ? expandDims(qm, -1) : null,
      valueMask ? keyMaskForScores(sequenceMask(valueMask, tv)!) : null,
      keyMask ? keyMaskForScores(sequenceMask(keyMask, tv)!) : null,
    );
    // [batch, Tq, Tv] masks broadcast over the heads axis; the causal one is built per head already.
    const headMask = combineMasks(mask ? expandDims(mask, -3) : null, causal ? causalMask(scores) : null);
    const weights = softmax(replaceMaskedScores(scores, headMask), -1);
    const dropped =
      options.training && this.dropout > 0 ? dropout(weights, this.dropout, { seed: this.#seeds.next() }) : weights;
    const attended = transpose(matmul(dropped, v), [0, 2, 1, 3]);
    let output = this.outputDense.apply(attended);
    if (positions)
      output = reshape(output, [-1, ...(query.shape.slice(1, -1) as number[]), ...(output.shape.slice(2) as number[])]);
    if (!returnScores) return output;
    const scoreShape = [
      -1,
      this.numHeads,
      ...(query.shape.slice(1, -1) as number[]),
      ...(value.shape.slice(1, -1) as number[]),
    ];
    return [output, positions ? reshape(weights, scoreShape) : weights];
  }

  /** The output's shape, and the scores' [batch, heads, ...query positions, ...key positions] when the call returns them. */
  override computeOutputShape(
    inputShape: ShapeOrShapes,
    callOptions: MultiHeadAttentionCallOptions = {},
  ): Shape | Shape[] {
    const [query, value] = this.checkShapes(inputShape);
    const output = [...query.slice(0, -1), ...(this.outputShape ?? [query[query.length - 1]])];
    return callOptions.returnAttentionScores
      ? [output, [query[0], this.numHeads, ...query.slice(1, -1), ...value.slice(1, -1)]]
      : output;
  }

  /** The query's mask: the output has one row per query position. */
  override computeMask(_inputs: Tensor | Tensor[], mask: CallOptions['mask']): Tensor | null {
    return (Array.isArray(mask) ? mask[0] : mask) ?? null;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      numHeads: this.numHeads,
      keyDim: this.keyDim,
      valueDim: this.valueDim,
      dropout: this.dropout,
      useBias: this.useBias,
      outputShape: this.outputShape,
      attentionAxes: this.attentionAxes,
      ...weightConfig({ kernel: this.kernelSettings, bias: this.biasSettings }),
      activityRegularizer: this.#projectionActivityRegularizer ? serialize(this.#projectionActivityRegularizer) : null,
      seed: this.seed,
    };
  }
}
