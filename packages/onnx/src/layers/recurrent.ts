import type { Layer } from '@strata/layers';
import { classNameOf } from '@strata/layers/internal';
import type { LayerNode } from '@strata/graph/internal';
import { floats, strings, type Attr, type OnnxBuilder } from '../builder';
import type { ExportContext } from '../convert-graph';
import { squeeze, unsqueeze } from '../ops/common';

/** The parts of a Strata RNN layer and its cell that the ONNX recurrent ops need. */
interface RnnLike extends Layer {
  cell: Layer & {
    units: number;
    kernel: import('@strata/tensor').Variable;
    recurrentKernel: import('@strata/tensor').Variable;
    bias: import('@strata/tensor').Variable | null;
    activation: { activationName?: string };
    recurrentActivation?: { activationName?: string };
    resetAfter?: boolean;
  };
  returnSequences: boolean;
  returnState: boolean;
  goBackwards: boolean;
  stateful: boolean;
}

const OPS: Record<string, { op: 'LSTM' | 'GRU' | 'RNN'; gates: number }> = {
  LSTMCell: { op: 'LSTM', gates: 4 },
  GRUCell: { op: 'GRU', gates: 3 },
  SimpleRNNCell: { op: 'RNN', gates: 1 },
};

/** Keras activations that ONNX's recurrent ops name (with their alpha/beta), others: none. */
function onnxActivation(name: string | undefined): { name: string; alpha?: number; beta?: number } | null {
  switch (name) {
    case 'tanh':
      return { name: 'Tanh' };
    case 'sigmoid':
      return { name: 'Sigmoid' };
    case 'relu':
      return { name: 'Relu' };
    case 'linear':
      return { name: 'Affine', alpha: 1, beta: 0 };
    case 'hard_sigmoid':
      // Keras 3: relu6(x + 3) / 6 = clip(x / 6 + 0.5, 0, 1).
      return { name: 'HardSigmoid', alpha: 1 / 6, beta: 0.5 };
    case 'softsign':
      return { name: 'Softsign' };
    case 'softplus':
      return { name: 'Softplus' };
    default:
      return null;
  }
}

/** Whether `layer` maps to one ONNX LSTM/GRU/RNN op (else its call() is traced and unrolled). */
export function nativeRecurrent(layer: Layer): RnnLike | null {
  const rnn = layer as RnnLike;
  const spec = rnn.cell ? OPS[classNameOf(rnn.cell)] : undefined;
  if (!spec || rnn.stateful) return null;
  const acts = spec.op === 'RNN' ? [rnn.cell.activation] : [rnn.cell.recurrentActivation!, rnn.cell.activation];
  return acts.every((a) => onnxActivation(a?.activationName)) ? rnn : null;
}

/** Splits `w` into `gates` blocks of `units` along `axis` and puts them back in `order`. */
function reorder(b: OnnxBuilder, w: string, units: number, order: number[], axis: number): string {
  const parts = b.node('Split', [w, b.int64s(order.map(() => units))], { axis }, order.length);
  return b.op(
    'Concat',
    order.map((i) => parts[i]),
    { axis },
  );
}

/** W, R and B of one direction, [gates·units, ·] as ONNX wants them (Keras's are transposed). */
function weights(b: OnnxBuilder, rnn: RnnLike, op: string): { w: string; r: string; bias: string | null } {
  const units = rnn.cell.units;
  const gates = OPS[classNameOf(rnn.cell)].gates;
  let k = b.tensor(rnn.cell.kernel);
  let rk = b.tensor(rnn.cell.recurrentKernel);
  let bias = rnn.cell.bias ? b.tensor(rnn.cell.bias) : null;
  const zeros = b.floats(Array(gates * units).fill(0));
  if (op === 'LSTM') {
    // Keras's gates are i, f, c, o; ONNX's are i, o, f, c.
    const order = [0, 3, 1, 2];
    k = reorder(b, k, units, order, 1);
    rk = reorder(b, rk, units, order, 1);
    if (bias) bias = b.op('Concat', [reorder(b, bias, units, order, 0), zeros], { axis: 0 });
  } else if (bias) {
    // GRU with reset_after keeps [input bias; recurrent bias] as its two rows: ONNX's Wb and Rb.
    bias = rnn.cell.resetAfter
      ? b.op('Reshape', [bias, b.int64s([2 * gates * units])])
      : b.op('Concat', [bias, zeros], { axis: 0 });
  }
  const first = (x: string) => b.op('Transpose', [x], { perm: [1, 0] });
  return { w: first(k), r: first(rk), bias };
}

/**
 * One ONNX recurrent op over `x` ([time, batch, features]) in `direction`; returns Y
 * ([time, batch, units], aligned with the input's time steps) and the final states.
 */
function runDirection(
  b: OnnxBuilder,
  rnn: RnnLike,
  x: string,
  direction: 'forward' | 'reverse',
): { y: string; states: string[] } {
  const spec = OPS[classNameOf(rnn.cell)];
  const { w, r, bias } = weights(b, rnn, spec.op);
  const acts = (
    spec.op === 'RNN'
      ? [rnn.cell.activation]
      : spec.op === 'GRU'
        ? [rnn.cell.recurrentActivation!, rnn.cell.activation]
        : [rnn.cell.recurrentActivation!, rnn.cell.activation, rnn.cell.activation]
  ).map((a) => onnxActivation(a.activationName)!);
  const attrs: Record<string, Attr | undefined> = { hidden_size: rnn.cell.units, direction };
  const outputs = spec.op === 'LSTM' ? 3 : 2;
  const inputs = [x, unsqueeze(b, w, [0]), unsqueeze(b, r, [0]), bias ? unsqueeze(b, bias, [0]) : ''];
  while (inputs[inputs.length - 1] === '') inputs.pop();
  if (spec.op === 'GRU') attrs.linear_before_reset = rnn.cell.resetAfter ? 1 : 0;
  const named = b.node(spec.op, inputs, { ...attrs, ...activationAttrs(acts) }, outputs);
  const [y, ...states] = named;
  return { y: squeeze(b, y, [1]), states: states.map((s) => squeeze(b, s, [0])) };
}

function activationAttrs(acts: { name: string; alpha?: number; beta?: number }[]): Record<string, Attr | undefined> {
  const out: Record<string, Attr | undefined> = { activations: strings(acts.map((a) => a.name)) };
  if (acts.some((a) => a.alpha !== undefined)) {
    out.activation_alpha = floats(acts.map((a) => a.alpha ?? 0));
    out.activation_beta = floats(acts.map((a) => a.beta ?? 0));
  }
  return out;
}

export function reverseTime(b: OnnxBuilder, y: string): string {
  return b.op('Slice', [y, b.int64s([-1]), b.int64s([-(2 ** 62)]), b.int64s([0]), b.int64s([-1])]);
}

/** An LSTM, GRU or SimpleRNN layer as one ONNX op: outputs as the layer returns them. */
export function convertRecurrent(ctx: ExportContext, node: LayerNode, inputs: readonly string[]): string[] | null {
  const rnn = nativeRecurrent(node.layer);
  if (!rnn || node.inputs.length !== 1 || node.options.initialState) return null;
  const { b } = ctx;
  const x = b.op('Transpose', [inputs[0]], { perm: [1, 0, 2] });
  const { y, states } = runDirection(b, rnn, x, rnn.goBackwards ? 'reverse' : 'forward');
  // Keras returns a backwards layer's sequence in the order it read it (last step first).
  const sequence = () => b.op('Transpose', [rnn.goBackwards ? reverseTime(b, y) : y], { perm: [1, 0, 2] });
  const output = rnn.returnSequences ? sequence() : states[0];
  return rnn.returnState ? [output, ...states] : [output];
}
