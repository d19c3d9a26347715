import { RNN, type RNNLayerArgs } from './rnn';
import { GRUCell, type GRUCellArgs } from './gru-cell';
import { flatConfig, splitCellArgs } from './cell-layer';

/** The options of {@link GRU}: the recurrent layer's ({@link RNNLayerArgs}) and its cell's ({@link GRUCellArgs}). */
export type GRUArgs = RNNLayerArgs & GRUCellArgs;

/**
 * Gated Recurrent Unit (Cho et al. 2014): RNN over a GRUCell (resetAfter: true by default, as Keras 3).
 *
 * Input: [batch, time, features]. Output: [batch, units], or [batch, time, units] with `returnSequences`; with
 * `returnState`, [output, h].
 *
 * @example
 * ```ts
 * const [output, h] = new GRU({ units: 32, returnState: true }).apply(ones([4, 10, 8])) as Tensor[]; // [4, 32] each
 * ```
 */
export class GRU extends RNN {
  static override className = 'GRU';
  /** The GRUCell run at every step. */
  declare readonly cell: GRUCell;

  constructor(args: GRUArgs) {
    const { layer, cell } = splitCellArgs(args);
    super({ ...layer, cell: new GRUCell({ ...(cell as unknown as GRUCellArgs), name: 'gru_cell' }) });
  }

  override getConfig(): Record<string, unknown> {
    return flatConfig(super.getConfig(), this.cell.getConfig());
  }
}
