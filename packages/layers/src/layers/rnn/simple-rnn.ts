import { RNN, type RNNLayerArgs } from './rnn';
import { SimpleRNNCell, type SimpleRNNCellArgs } from './simple-rnn-cell';
import { flatConfig, splitCellArgs } from './cell-layer';

/** The options of {@link SimpleRNN}: the recurrent layer's ({@link RNNLayerArgs}) and its cell's. */
export type SimpleRNNArgs = RNNLayerArgs & SimpleRNNCellArgs;

/**
 * A fully connected RNN whose output is fed back as the next step's state: RNN over a SimpleRNNCell.
 *
 * Input: [batch, time, features]. Output: [batch, units], or [batch, time, units] with `returnSequences`.
 *
 * @example
 * ```ts
 * const y = new SimpleRNN({ units: 16 }).apply(ones([4, 10, 8])); // shape [4, 16]
 * ```
 */
export class SimpleRNN extends RNN {
  static override className = 'SimpleRNN';
  /** The SimpleRNNCell run at every step. */
  declare readonly cell: SimpleRNNCell;

  constructor(args: SimpleRNNArgs) {
    const { layer, cell } = splitCellArgs(args);
    super({
      ...layer,
      cell: new SimpleRNNCell({ ...(cell as unknown as SimpleRNNCellArgs), name: 'simple_rnn_cell' }),
    });
  }

  override getConfig(): Record<string, unknown> {
    return flatConfig(super.getConfig(), this.cell.getConfig());
  }
}
