import {
  add,
  div,
  greater,
  greaterEqual,
  less,
  lessEqual,
  log,
  mul,
  neg,
  pow,
  square,
  sub,
  where,
  zerosLike,
} from '@strata/tensor';
import { atan2Op, maximumOp, minimumOp, powOp, squaredDifferenceOp } from '@strata/tensor/internal';
import { rule, type GradientEntry } from '../../registry';
import { passWhere } from '../helpers';

/** Ties of maximum and minimum go to `a`, as in TensorFlow.js. */
export const binaryMathRules: readonly [string, GradientEntry][] = [
  rule(maximumOp, (dy, { inputs: [a, b] }) => [
    () => passWhere(greaterEqual(a, b), dy),
    () => passWhere(less(a, b), dy),
  ]),
  rule(minimumOp, (dy, { inputs: [a, b] }) => [
    () => passWhere(lessEqual(a, b), dy),
    () => passWhere(greater(a, b), dy),
  ]),
  rule(squaredDifferenceOp, (dy, { inputs: [a, b] }) => {
    const twiceDiff = () => mul(dy, mul(sub(a, b), 2));
    return [twiceDiff, () => neg(twiceDiff())];
  }),
  rule(atan2Op, (dy, { inputs: [a, b] }) => {
    const radius2 = () => add(square(a), square(b));
    return [() => mul(dy, div(b, radius2())), () => mul(dy, div(neg(a), radius2()))];
  }),
  // d/db a^b = a^b log(a), taken as 0 where a <= 0 (log undefined), as TensorFlow.
  rule(powOp, (dy, { inputs: [a, b], outputs: [y] }) => [
    () => mul(dy, mul(b, pow(a, sub(b, 1)))),
    () => mul(dy, mul(y, where(greater(a, 0), log(a), zerosLike(a)))),
  ]),
];
