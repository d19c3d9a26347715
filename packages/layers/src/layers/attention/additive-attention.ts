import { add, expandDims, mul, sum, tanh, type Shape, type Tensor } from '@strata/tensor';
import { LayerError } from '../../errors';
import { Attention, type AttentionArgs } from './attention';

/** The options of {@link AdditiveAttention}: those of {@link AttentionArgs} but `scoreMode`. */
export type AdditiveAttentionArgs = Omit<AttentionArgs, 'scoreMode'>;

/**
 * Additive attention (Bahdanau): scores = sum(scale ⊙ tanh(query + key)) over the features, with a
 * learned `scale` vector [dim] (useScale, true by default); otherwise as Attention.
 *
 * Input: [query [batch, Tq, dim], value [batch, Tv, dim], key? [batch, Tv, dim]]. Output: [batch, Tq, dim].
 *
 * @example
 * ```ts
 * const context = new AdditiveAttention().apply([ones([2, 8, 16]), ones([2, 12, 16])]); // shape [2, 8, 16]
 * ```
 */
export class AdditiveAttention extends Attention {
  static override className = 'AdditiveAttention';

  constructor(args: AdditiveAttentionArgs = {}) {
    if ((args as AttentionArgs)?.scoreMode !== undefined) {
      throw new LayerError(
        `AdditiveAttention: scoreMode is not an option (its scores are always additive), received ${JSON.stringify((args as AttentionArgs).scoreMode)}; use Attention for 'dot' or 'concat'`,
      );
    }
    super(args);
  }

  protected override defaultUseScale(): boolean {
    return true;
  }

  protected override buildScoreWeights(query: Shape): void {
    if (!this.useScale) return;
    if (query[2] === null)
      throw new LayerError(
        `AdditiveAttention "${this.name}": the query's last axis must be known to build the scale, received [${query}]`,
      );
    this.scale = this.addWeight('scale', [query[2]], { initializer: 'glorotUniform' });
  }

  protected override computeScores(query: Tensor, key: Tensor): Tensor {
    const activated = tanh(add(expandDims(query, -2), expandDims(key, -3)));
    return sum(this.scale ? mul(activated, this.scale) : activated, -1);
  }

  override getConfig(): Record<string, unknown> {
    const { scoreMode: _scoreMode, ...config } = super.getConfig();
    return config;
  }
}
