import {
  cast,
  cumsum,
  div,
  equal,
  exp,
  mul,
  onesLike,
  prod,
  reshape,
  sub,
  sum,
  where,
  zerosLike,
  type Tensor,
} from '@strata/tensor';
import {
  allOp,
  anyOp,
  argMaxOp,
  argMinOp,
  cumsumOp,
  logSumExpOp,
  maxOp,
  meanOp,
  minOp,
  prodOp,
  sumOp,
} from '@strata/tensor/internal';
import { nonDifferentiable, rule, type GradientEntry } from '../registry';

/** `t` (a reduction's result or its gradient) reshaped to broadcast against the input: reduced axes kept as 1. */
export function keptDims(t: Tensor, inputShape: readonly number[], axes: readonly number[]): Tensor {
  return reshape(
    t,
    inputShape.map((d, i) => (axes.includes(i) ? 1 : d)),
  );
}

/** `dy` of a reduction spread over every input element it summarises. */
function spread(dy: Tensor, x: Tensor, axes: readonly number[]): Tensor {
  return mul(keptDims(dy, x.shape, axes), onesLike(x));
}

/**
 * max and min: dy goes to the elements equal to the result, shared evenly among ties (as
 * TensorFlow; TensorFlow.js gives each tie the whole dy).
 */
function extremumGradient(dy: Tensor, x: Tensor, y: Tensor, axes: readonly number[]): Tensor {
  const chosen = cast(equal(x, keptDims(y, x.shape, axes)), 'float32');
  return mul(div(chosen, sum(chosen, axes, true)), keptDims(dy, x.shape, axes));
}

/**
 * The product of the other elements along the reduced axes, without dividing by zero: with no
 * zero it is y / x; with one zero, that element gets the product of the rest and the others 0;
 * with two or more, all 0.
 */
function productOfOthers(x: Tensor, axes: readonly number[]): Tensor {
  const isZero = equal(x, 0);
  const zeros = keptDims(sum(cast(isZero, 'float32'), axes), x.shape, axes);
  const nonZeroProduct = keptDims(prod(where(isZero, onesLike(x), x), axes), x.shape, axes);
  const noZero = div(nonZeroProduct, where(isZero, onesLike(x), x));
  const oneZero = where(isZero, mul(nonZeroProduct, onesLike(x)), zerosLike(x));
  return where(equal(zeros, 0), noZero, where(equal(zeros, 1), oneZero, zerosLike(x)));
}

const INDEX = 'its result is an index';
const BOOLEAN = 'its result is boolean';

export const reductionRules: readonly [string, GradientEntry][] = [
  rule(sumOp, (dy, { inputs: [x], attrs: { axis } }) => [() => spread(dy, x, axis)]),
  rule(meanOp, (dy, { inputs: [x], attrs: { axis } }) => [
    () =>
      div(
        spread(dy, x, axis),
        axis.reduce((n, a) => n * x.shape[a], 1),
      ),
  ]),
  rule(maxOp, (dy, { inputs: [x], outputs: [y], attrs: { axis } }) => [() => extremumGradient(dy, x, y, axis)]),
  rule(minOp, (dy, { inputs: [x], outputs: [y], attrs: { axis } }) => [() => extremumGradient(dy, x, y, axis)]),
  rule(prodOp, (dy, { inputs: [x], attrs: { axis } }) => [
    () => mul(keptDims(dy, x.shape, axis), productOfOthers(x, axis)),
  ]),
  // d/dx log(sum(exp(x))) = softmax(x) = exp(x - y)
  rule(logSumExpOp, (dy, { inputs: [x], outputs: [y], attrs: { axis } }) => [
    () => mul(keptDims(dy, x.shape, axis), exp(sub(x, keptDims(y, x.shape, axis)))),
  ]),
  // Each input element counts in the sums after it (before it, reversed): the gradient sums the other way.
  rule(cumsumOp, (dy, { attrs: { axis, exclusive, reverse } }) => [
    () => cumsum(dy, axis, { exclusive, reverse: !reverse }),
  ]),
  nonDifferentiable(argMaxOp, INDEX),
  nonDifferentiable(argMinOp, INDEX),
  nonDifferentiable(allOp, BOOLEAN),
  nonDifferentiable(anyOp, BOOLEAN),
];
