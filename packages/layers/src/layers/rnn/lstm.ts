import { RNN, type RNNLayerArgs } from './rnn';
import { LSTMCell, type LSTMCellArgs } from './lstm-cell';
import { flatConfig, splitCellArgs } from './cell-layer';

/** The options of {@link LSTM}: the recurrent layer's ({@link RNNLayerArgs}) and its cell's ({@link LSTMCellArgs}). */
export type LSTMArgs = RNNLayerArgs & LSTMCellArgs;

/**
 * Long Short-Term Memory (Hochreiter 1997): RNN over an LSTMCell; returnState gives [output, h, c].
 *
 * Input: [batch, time, features]. Output: [batch, units], or [batch, time, units] with `returnSequences`.
 *
 * @example
 * ```ts
 * const model = new Sequential([
 *   input({ shape: [null, 8] }), // sequences of any length
 *   new LSTM({ units: 64, returnSequences: true }),
 *   new LSTM({ units: 32 }), // [batch, 32]
 *   new Dense({ units: 1 }),
 * ]);
 * ```
 */
export class LSTM extends RNN {
  static override className = 'LSTM';
  /** The LSTMCell run at every step. */
  declare readonly cell: LSTMCell;

  constructor(args: LSTMArgs) {
    const { layer, cell } = splitCellArgs(args);
    super({ ...layer, cell: new LSTMCell({ ...(cell as unknown as LSTMCellArgs), name: 'lstm_cell' }) });
  }

  override getConfig(): Record<string, unknown> {
    return flatConfig(super.getConfig(), this.cell.getConfig());
  }
}
