import { reshape, reverse, sum, transpose } from '@strata/tensor';
import {
  broadcastToOp,
  castOp,
  cloneOp,
  expandDimsOp,
  reshapeOp,
  reverseOp,
  squeezeOp,
  tileOp,
  transposeOp,
} from '@strata/tensor/internal';
import { rule, type GradientEntry } from '../../registry';

/** The permutation that undoes `perm`. */
function inverse(perm: readonly number[]): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((p, i) => (inv[p] = i));
  return inv;
}

/** Ops that move or repeat elements without computing on them. */
export const rearrangingRules: readonly [string, GradientEntry][] = [
  rule(reshapeOp, (dy, { inputs: [x] }) => [() => reshape(dy, x.shape)]),
  rule(expandDimsOp, (dy, { inputs: [x] }) => [() => reshape(dy, x.shape)]),
  rule(squeezeOp, (dy, { inputs: [x] }) => [() => reshape(dy, x.shape)]),
  rule(cloneOp, (dy) => [() => dy]),
  // Only a float-to-float cast passes gradients on: an integer result has none (TensorFlow does the same).
  rule(castOp, (dy, { inputs: [x], outputs: [y] }) => [
    x.dtype === 'float32' && y.dtype === 'float32' ? () => dy : null,
  ]),
  rule(transposeOp, (dy, { attrs: { perm } }) => [() => transpose(dy, inverse(perm))]),
  rule(reverseOp, (dy, { attrs: { axis } }) => [() => reverse(dy, axis)]),
  // dy has the broadcast shape: the engine's reduction to x's shape is the whole rule.
  rule(broadcastToOp, (dy) => [() => dy]),
  // Each axis of dy splits into (repetition, original) and the repetitions are summed.
  rule(tileOp, (dy, { inputs: [x], attrs: { reps } }) => [
    () => {
      const split = x.shape.flatMap((d, i) => [reps[i], d]);
      const repetitionAxes = x.shape.map((_, i) => 2 * i);
      return reshape(sum(reshape(dy, split), repetitionAxes), x.shape);
    },
  ]),
];
