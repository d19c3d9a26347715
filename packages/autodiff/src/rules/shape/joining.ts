import { concat, reshape, slice, stack, type Tensor } from '@strata/tensor';
import { concatOp, splitOp, stackOp, unstackOp } from '@strata/tensor/internal';
import { rule, type GradientEntry } from '../../registry';

/** The part of `dy` that input `i` of a concatenation along `axis` became. */
function partAlong(dy: Tensor, inputs: readonly Tensor[], i: number, axis: number): Tensor {
  const begin = dy.shape.map(() => 0);
  begin[axis] = inputs.slice(0, i).reduce((n, t) => n + t.shape[axis], 0);
  const size = dy.shape.map((d, a) => (a === axis ? inputs[i].shape[axis] : d));
  return slice(dy, begin, size);
}

export const joiningRules: readonly [string, GradientEntry][] = [
  rule(concatOp, (dy, { inputs, attrs: { axis } }) => inputs.map((_, i) => () => partAlong(dy, inputs, i, axis))),
  rule(stackOp, (dy, { inputs, attrs: { axis } }) =>
    inputs.map((x, i) => () => {
      const begin = dy.shape.map((_, a) => (a === axis ? i : 0));
      const size = dy.shape.map((d, a) => (a === axis ? 1 : d));
      return reshape(slice(dy, begin, size), x.shape);
    }),
  ),
  // Several outputs: `dys` holds each one's gradient (zeros for the unused ones).
  rule(unstackOp, (_dy, { dys, attrs: { axis } }) => [() => stack(dys, axis)]),
  rule(splitOp, (_dy, { dys, attrs: { axis } }) => [() => concat(dys, axis)]),
];
