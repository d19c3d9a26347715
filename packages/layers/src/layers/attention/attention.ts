import {
  add,
  cast,
  dropout,
  expandDims,
  matmul,
  mul,
  softmax,
  sum,
  tanh,
  type Shape,
  type Tensor,
  type Variable,
} from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type CallOptions, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { classNameOf } from '../../serializable';
import { SeedStream } from '../rnn/seed-stream';
import { causalMask, combineMasks, keyMaskForScores, maskScores } from './score-masks';

export interface AttentionArgs extends LayerArgs {
  /** Learn a scalar that scales the scores (AdditiveAttention: a vector, and true by default). */
  useScale?: boolean;
  /** 'dot': q·k; 'concat': sum(tanh(q + k)) times a learned scalar. Default 'dot'. */
  scoreMode?: 'dot' | 'concat';
  /** Fraction of the attention weights dropped (training only). */
  dropout?: number;
  /** Seeds the dropout; each call still draws a new mask. */
  seed?: number | null;
}

/** Call arguments besides the inputs (Keras's call kwargs). Masks come as `mask: [queryMask, valueMask]` or carried by the inputs. */
export interface AttentionCallOptions extends CallOptions {
  /** Also return the attention weights [batch, Tq, Tv] (after masking, softmax and dropout). */
  returnAttentionScores?: boolean;
  /** Query position i may only attend to key positions j <= i (decoder self-attention). */
  useCausalMask?: boolean;
}

function callFlag(cls: string, name: string, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean')
    throw new LayerError(`${cls}: the call option ${name} must be true or false, received ${JSON.stringify(value)}`);
  return value;
}

/**
 * Dot-product attention (Luong): inputs [query [batch, Tq, dim], value [batch, Tv, dimV], key?
 * (default: value)]; output softmax(scores(query, key)) · value, [batch, Tq, dimV]. Value-mask
 * positions get no weight; query-mask positions output zeros.
 *
 * @example
 * ```ts
 * const query = input({ shape: [8, 16] });
 * const value = input({ shape: [12, 16] });
 * const context = new Attention().apply([query, value]); // [batch, 8, 16]
 * ```
 */
export class Attention extends Layer {
  static override className = 'Attention';
  /** Whether the scores are scaled by a learned scale. */
  readonly useScale: boolean;
  /** How scores are computed: `'dot'` or `'concat'`. */
  readonly scoreMode: 'dot' | 'concat';
  /** The fraction of attention weights dropped in training. */
  readonly dropout: number;
  /** The dropout seed, or null. */
  readonly seed: number | null;
  /** The learned score scale (a scalar; a vector for AdditiveAttention), or null when `useScale` is false. */
  scale: Variable | null = null;
  /** The learned scalar of `'concat'` scores, or null in `'dot'` mode. */
  concatScoreWeight: Variable | null = null;
  readonly #seeds: SeedStream;

  constructor(args: AttentionArgs = {}) {
    super(args);
    const cls = classNameOf(this);
    this.useScale = args.useScale ?? this.defaultUseScale();
    if (typeof this.useScale !== 'boolean')
      throw new LayerError(`${cls}: useScale must be true or false, received ${JSON.stringify(args.useScale)}`);
    this.scoreMode = args.scoreMode ?? 'dot';
    if (this.scoreMode !== 'dot' && this.scoreMode !== 'concat')
      throw new LayerError(`${cls}: scoreMode must be 'dot' or 'concat', received ${JSON.stringify(args.scoreMode)}`);
    this.dropout = args.dropout ?? 0;
    if (typeof this.dropout !== 'number' || !(this.dropout >= 0 && this.dropout < 1))
      throw new LayerError(`${cls}: dropout must be a number in [0, 1), received ${JSON.stringify(args.dropout)}`);
    this.seed = args.seed ?? null;
    if (this.seed !== null && !Number.isInteger(this.seed))
      throw new LayerError(`${cls}: seed must be an integer or null, received ${JSON.stringify(args.seed)}`);
    this.#seeds = new SeedStream(this.seed);
    this.supportsMasking = true;
  }

  /** The default of `useScale` for this class (false; AdditiveAttention's is true). */
  protected defaultUseScale(): boolean {
    return false;
  }

  override build(inputShape: ShapeOrShapes): void {
    const [query, value, key = value] = this.checkShapes(inputShape);
    this.inputSpec = (inputShape as Shape[]).map(() => ({ ndim: 3 }));
    if (query[2] !== null && key[2] !== null && query[2] !== key[2]) {
      throw new LayerError(
        `${classNameOf(this)} "${this.name}": query and key must have the same last axis to be compared, received query ${fmtShape(query)} and key ${fmtShape(key)}`,
      );
    }
    this.buildScoreWeights(query);
    this.built = true;
  }

  /** The score weights: Keras's scalar `scale` (useScale) and `concat_score_weight` (concat mode). */
  protected buildScoreWeights(_query: Shape): void {
    if (this.useScale) this.scale = this.addWeight('scale', [], { initializer: 'ones' });
    if (this.scoreMode === 'concat')
      this.concatScoreWeight = this.addWeight('concat_score_weight', [], { initializer: 'ones' });
  }

  private checkShapes(inputShape: ShapeOrShapes): Shape[] {
    const cls = classNameOf(this);
    const shapes = inputShape as Shape[];
    if (!Array.isArray(inputShape[0]) || shapes.length < 2 || shapes.length > 3) {
      throw new LayerError(
        `${cls} "${this.name}" takes a list of 2 or 3 inputs, [query, value] or [query, value, key], received ${JSON.stringify(inputShape)}`,
      );
    }
    for (const [i, s] of shapes.entries()) {
      if (s.length !== 3)
        throw new LayerError(
          `${cls} "${this.name}": ${['query', 'value', 'key'][i]} must have shape [batch, time, dim], received ${fmtShape(s)}`,
        );
    }
    const [, value, key] = shapes;
    if (key && value[1] !== null && key[1] !== null && value[1] !== key[1]) {
      throw new LayerError(
        `${cls} "${this.name}": value and key must have the same length, received value ${fmtShape(value)} and key ${fmtShape(key)}`,
      );
    }
    return shapes;
  }

  /** Scores [batch, Tq, Tv] of every query against every key. */
  protected computeScores(query: Tensor, key: Tensor): Tensor {
    if (this.scoreMode === 'dot') {
      const scores = matmul(query, key, { transposeB: true });
      return this.scale ? mul(scores, this.scale) : scores;
    }
    const pairs = add(expandDims(query, -2), expandDims(key, -3));
    return mul(this.concatScoreWeight!, sum(tanh(this.scale ? mul(pairs, this.scale) : pairs), -1));
  }

  override call(inputs: Tensor | Tensor[], options: AttentionCallOptions = {}): Tensor | Tensor[] {
    const cls = classNameOf(this);
    if (!Array.isArray(inputs))
      throw new LayerError(
        `${cls} "${this.name}" takes a list of inputs, [query, value] or [query, value, key], received one tensor`,
      );
    this.checkShapes(inputs.map((t) => t.shape));
    const [query, value, key = value] = inputs;
    const [queryMask, valueMask] = this.masks(options.mask);
    const returnScores = callFlag(cls, 'returnAttentionScores', options.returnAttentionScores);
    const causal = callFlag(cls, 'useCausalMask', options.useCausalMask);
    const scores = this.computeScores(query, key);
    const scoreMask = combineMasks(valueMask ? keyMaskForScores(valueMask) : null, causal ? causalMask(scores) : null);
    let weights = softmax(maskScores(scores, scoreMask), -1);
    if (options.training && this.dropout > 0) weights = dropout(weights, this.dropout, { seed: this.#seeds.next() });
    let result = matmul(weights, value);
    if (queryMask) result = mul(result, expandDims(cast(queryMask, 'float32'), -1));
    return returnScores ? [result, weights] : result;
  }

  private masks(mask: CallOptions['mask']): [Tensor | null, Tensor | null] {
    if (!mask) return [null, null];
    if (!Array.isArray(mask) || mask.length < 2 || mask.length > 3) {
      throw new LayerError(
        `${classNameOf(this)} "${this.name}": mask must be a list [queryMask, valueMask] (null for none), received ${Array.isArray(mask) ? `a list of ${mask.length}` : 'one tensor'}`,
      );
    }
    return [mask[0] ?? null, mask[1] ?? null];
  }

  /** The output's shape, and the scores' [batch, Tq, Tv] when the call returns them. */
  override computeOutputShape(inputShape: ShapeOrShapes, callOptions: AttentionCallOptions = {}): Shape | Shape[] {
    const [query, value] = this.checkShapes(inputShape);
    const output = [...query.slice(0, -1), value[value.length - 1]];
    return callOptions.returnAttentionScores ? [output, [query[0], query[1], value[1]]] : output;
  }

  /** The query's mask: the output has one row per query position. */
  override computeMask(_inputs: Tensor | Tensor[], mask: CallOptions['mask']): Tensor | null {
    return (Array.isArray(mask) ? mask[0] : null) ?? null;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      useScale: this.useScale,
      scoreMode: this.scoreMode,
      dropout: this.dropout,
      seed: this.seed,
    };
  }
}
