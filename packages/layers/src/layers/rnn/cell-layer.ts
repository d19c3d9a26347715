import type { RNNLayerArgs } from './rnn';

// The options that belong to the RNN layer; everything else configures its cell.
const LAYER_KEYS = new Set([
  'name',
  'trainable',
  'dtype',
  'inputShape',
  'batchInputShape',
  'batchSize',
  'activityRegularizer',
  'returnSequences',
  'returnState',
  'goBackwards',
  'stateful',
  'unroll',
  'zeroOutputForMask',
]);

/**
 * SimpleRNN, LSTM and GRU take their cell's options flat, as Keras: this splits them into the
 * layer's and the cell's (the cell gets the layer's dtype and trainable).
 */
export function splitCellArgs<A extends RNNLayerArgs>(args: A): { layer: RNNLayerArgs; cell: Record<string, unknown> } {
  const layer: Record<string, unknown> = {};
  const cell: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args ?? {})) (LAYER_KEYS.has(key) ? layer : cell)[key] = value;
  if (args?.dtype !== undefined) cell.dtype = args.dtype;
  if (args?.trainable !== undefined) cell.trainable = args.trainable;
  return { layer, cell };
}

/** The flat config of SimpleRNN, LSTM and GRU: the RNN's options and the cell's, without the cell itself. */
export function flatConfig(
  layerConfig: Record<string, unknown>,
  cellConfig: Record<string, unknown>,
): Record<string, unknown> {
  const { cell: _cell, ...layer } = layerConfig;
  const { name: _name, trainable: _trainable, dtype: _dtype, ...cell } = cellConfig;
  return { ...layer, ...cell };
}
