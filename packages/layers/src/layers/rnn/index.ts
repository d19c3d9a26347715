// Recurrent layers: the generic RNN over a cell, the built-in cells and layers, and the wrappers.
export { RNNCell, type CellStepOptions } from './rnn-cell';
export { RecurrentCell, type RecurrentCellArgs } from './recurrent-cell';
export { RNN, type RNNArgs, type RNNLayerArgs, type RNNCallOptions } from './rnn';
export { SimpleRNNCell, type SimpleRNNCellArgs } from './simple-rnn-cell';
export { SimpleRNN, type SimpleRNNArgs } from './simple-rnn';
export { LSTMCell, type LSTMCellArgs } from './lstm-cell';
export { LSTM, type LSTMArgs } from './lstm';
export { GRUCell, type GRUCellArgs } from './gru-cell';
export { GRU, type GRUArgs } from './gru';
export { Bidirectional, type BidirectionalArgs, type MergeMode } from './bidirectional';
export { TimeDistributed, type TimeDistributedArgs } from './time-distributed';
export type { NestedLayer } from './nested-layers';
