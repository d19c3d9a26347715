import type { Layer } from '@strata/layers';
import type { LayerNode } from '@strata/graph/internal';
import type { ExportContext } from '../convert-graph';
import { convertRecurrent } from './recurrent';

/**
 * What a layer class may add to the default (tracing its call() into ops): a reason it cannot be
 * exported at all, or a conversion of its own (an ONNX LSTM rather than an unrolled loop, say).
 */
export interface LayerExporter {
  refuse?(layer: Layer, node: LayerNode): string | null;
  /** The layer's outputs, or null to fall back to tracing its call(). */
  convert?(ctx: ExportContext, node: LayerNode, inputs: readonly string[]): string[] | null;
}

/** A stateful RNN carries its states across calls in variables: a graph would freeze them. */
const refuseStateful = (layer: Layer): string | null =>
  (layer as unknown as { stateful?: boolean }).stateful
    ? 'stateful: true carries states from one call to the next, and an ONNX graph would freeze them at their ' +
      'current values. Export a copy built with stateful: false (and pass states as inputs if you need them)'
    : null;

const recurrent: LayerExporter = { convert: convertRecurrent, refuse: refuseStateful };

export const LAYERS: Record<string, LayerExporter> = {
  LSTM: recurrent,
  GRU: recurrent,
  SimpleRNN: recurrent,
  RNN: recurrent,
  Bidirectional: { refuse: refuseStateful },
  Embedding: {
    refuse: (layer) =>
      (layer as unknown as { maskZero: boolean }).maskZero
        ? 'maskZero: true makes a mask for the layers after it, and ONNX graphs carry no masks. ' +
          'Export a model whose Embedding has maskZero: false (with the same weights) if no later layer needs the mask'
        : null,
  },
};
