import { add, div, exp, mul, neg, sign, square } from '@strata/tensor';
import {
  absOp,
  erfOp,
  expOp,
  expm1Op,
  log1pOp,
  logOp,
  negOp,
  reciprocalOp,
  rsqrtOp,
  sqrtOp,
  squareOp,
} from '@strata/tensor/internal';
import { rule, type GradientEntry } from '../../registry';

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** Rules use the op's output `y` where it is the cheaper way to the derivative (exp, sqrt, ...). */
export const unaryRules: readonly [string, GradientEntry][] = [
  rule(negOp, (dy) => [() => neg(dy)]),
  rule(absOp, (dy, { inputs: [x] }) => [() => mul(dy, sign(x))]),
  rule(squareOp, (dy, { inputs: [x] }) => [() => mul(dy, mul(x, 2))]),
  rule(reciprocalOp, (dy, { outputs: [y] }) => [() => neg(mul(dy, square(y)))]),
  rule(expOp, (dy, { outputs: [y] }) => [() => mul(dy, y)]),
  rule(expm1Op, (dy, { outputs: [y] }) => [() => mul(dy, add(y, 1))]),
  rule(logOp, (dy, { inputs: [x] }) => [() => div(dy, x)]),
  rule(log1pOp, (dy, { inputs: [x] }) => [() => div(dy, add(x, 1))]),
  rule(sqrtOp, (dy, { outputs: [y] }) => [() => div(dy, mul(y, 2))]),
  // d/dx x^(-1/2) = -y^3 / 2
  rule(rsqrtOp, (dy, { outputs: [y] }) => [() => mul(dy, mul(mul(y, square(y)), -0.5))]),
  rule(erfOp, (dy, { inputs: [x] }) => [() => mul(dy, mul(exp(neg(square(x))), TWO_OVER_SQRT_PI))]),
];
