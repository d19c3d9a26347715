import { add, exp, greater, less, logicalAnd, mul, reluGrad, sigmoid, sub, where } from '@strata/tensor';
import {
  adamUpdateOp,
  eluOp,
  leakyReluOp,
  reluGradOp,
  reluOp,
  relu6Op,
  seluOp,
  sigmoidOp,
  softplusOp,
} from '@strata/tensor/internal';
import { nonDifferentiable, rule, type GradientEntry } from '../../registry';
import { passWhere } from '../helpers';

// SELU's constants, as in Klambauer et al. 2017 and TensorFlow.
const SELU_SCALE = 1.0507009873554804934193349852946;
const SELU_SCALE_ALPHA = 1.7580993408473768599402175208123;

/** The kinks (relu at 0, relu6 at 0 and 6) take the derivative from the flat side, as TensorFlow. */
export const activationRules: readonly [string, GradientEntry][] = [
  rule(reluOp, (dy, { inputs: [x] }) => [() => reluGrad(dy, x)]),
  // reluGrad is linear in dy; y only selects where dy passes (its derivative is 0 almost everywhere).
  rule(reluGradOp, (g, { inputs: [, y] }) => [() => reluGrad(g, y), null]),
  nonDifferentiable(adamUpdateOp, "an optimizer's update: it runs after the gradients, outside any tape"),
  rule(relu6Op, (dy, { inputs: [x] }) => [() => passWhere(logicalAnd(greater(x, 0), less(x, 6)), dy)]),
  rule(leakyReluOp, (dy, { inputs: [x], attrs }) => [
    () => where(greater(x, 0), dy, mul(dy, (attrs as { alpha: number }).alpha)),
  ]),
  rule(sigmoidOp, (dy, { outputs: [y] }) => [() => mul(dy, mul(y, sub(1, y)))]),
  rule(softplusOp, (dy, { inputs: [x] }) => [() => mul(dy, sigmoid(x))]),
  // For x <= 0, elu(x) = exp(x) - 1, so its derivative exp(x) is y + 1.
  rule(eluOp, (dy, { inputs: [x], outputs: [y] }) => [() => where(greater(x, 0), dy, mul(dy, add(y, 1)))]),
  rule(seluOp, (dy, { inputs: [x] }) => [
    () => where(greater(x, 0), mul(dy, SELU_SCALE), mul(dy, mul(exp(x), SELU_SCALE_ALPHA))),
  ]),
];
