import { div, floor, mul, neg } from '@strata/tensor';
import { addOp, divOp, floorDivOp, modOp, mulOp, subOp } from '@strata/tensor/internal';
import { nonDifferentiable, rule, type GradientEntry } from '../../registry';

/** Binary rules return gradients in the broadcast shape; the engine sums them back to each input. */
export const arithmeticRules: readonly [string, GradientEntry][] = [
  rule(addOp, (dy) => [() => dy, () => dy]),
  rule(subOp, (dy) => [() => dy, () => neg(dy)]),
  rule(mulOp, (dy, { inputs: [a, b] }) => [() => mul(dy, b), () => mul(dy, a)]),
  rule(divOp, (dy, { inputs: [a, b] }) => [() => div(dy, b), () => neg(div(mul(dy, a), mul(b, b)))]),
  // a mod b = a - b * floor(a / b), and floor is flat almost everywhere.
  rule(modOp, (dy, { inputs: [a, b] }) => [() => dy, () => mul(dy, neg(floor(div(a, b))))]),
  nonDifferentiable(
    floorDivOp,
    'floor(a / b) is piecewise constant: its derivative is 0 almost everywhere and undefined at the steps (TensorFlow gives none)',
  ),
];
