import { add, cos, cosh, div, mul, neg, sin, sinh, sqrt, square, sub } from '@strata/tensor';
import {
  acosOp,
  acoshOp,
  asinOp,
  asinhOp,
  atanOp,
  atanhOp,
  cosOp,
  coshOp,
  sinOp,
  sinhOp,
  tanOp,
  tanhOp,
} from '@strata/tensor/internal';
import { rule, type GradientEntry } from '../../registry';

export const trigRules: readonly [string, GradientEntry][] = [
  rule(sinOp, (dy, { inputs: [x] }) => [() => mul(dy, cos(x))]),
  rule(cosOp, (dy, { inputs: [x] }) => [() => neg(mul(dy, sin(x)))]),
  rule(tanOp, (dy, { inputs: [x] }) => [() => div(dy, square(cos(x)))]),
  rule(asinOp, (dy, { inputs: [x] }) => [() => div(dy, sqrt(sub(1, square(x))))]),
  rule(acosOp, (dy, { inputs: [x] }) => [() => neg(div(dy, sqrt(sub(1, square(x)))))]),
  rule(atanOp, (dy, { inputs: [x] }) => [() => div(dy, add(square(x), 1))]),
  rule(sinhOp, (dy, { inputs: [x] }) => [() => mul(dy, cosh(x))]),
  rule(coshOp, (dy, { inputs: [x] }) => [() => mul(dy, sinh(x))]),
  rule(tanhOp, (dy, { outputs: [y] }) => [() => mul(dy, sub(1, square(y)))]),
  rule(asinhOp, (dy, { inputs: [x] }) => [() => div(dy, sqrt(add(square(x), 1)))]),
  rule(acoshOp, (dy, { inputs: [x] }) => [() => div(dy, sqrt(sub(square(x), 1)))]),
  rule(atanhOp, (dy, { inputs: [x] }) => [() => div(dy, sub(1, square(x)))]),
];
