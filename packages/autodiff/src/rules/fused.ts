import {
  add,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  depthwiseConv2dBackpropFilter,
  depthwiseConv2dBackpropInput,
  fusedConv2d,
  fusedDepthwiseConv2d,
  fusedMatmul,
  greater,
  less,
  logicalAnd,
  matmul,
  mul,
  reluGrad,
  reshape,
  sub,
  where,
  type Tensor,
} from '@strata/tensor';
import {
  fusedConv2dOp,
  fusedDepthwiseConv2dOp,
  fusedMatmulOp,
  type FusedAttrs,
  type FusedConv2dAttrs,
} from '@strata/tensor/internal';
import { rule, type GradientEntry, type RuleContext } from '../registry';
import { passWhere } from './helpers';

/** A value the input gradients share, computed on first use (a rule computes only the gradients needed). */
function once<T>(f: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) [value, done] = [f(), true];
    return value as T;
  };
}

/**
 * The gradient at the pre-activation z = product + bias, from dy and the output y alone, as the
 * unfused activation rules give it (kinks take the flat side): y > 0 exactly where z > 0 for relu,
 * relu6, elu and a leaky relu of non-negative slope. A negative slope maps both sides of 0 to
 * y > 0, so then z is recomputed.
 */
function preActivationGradient(
  dy: Tensor,
  y: Tensor,
  { activation, leakyreluAlpha }: FusedAttrs,
  recompute: () => Tensor,
): Tensor {
  switch (activation) {
    case 'linear':
      return dy;
    case 'relu':
      return reluGrad(dy, y);
    case 'relu6':
      return passWhere(logicalAnd(greater(y, 0), less(y, 6)), dy);
    // For z <= 0, elu(z) = exp(z) - 1, so its derivative exp(z) is y + 1.
    case 'elu':
      return where(greater(y, 0), dy, mul(dy, add(y, 1)));
    case 'sigmoid':
      return mul(dy, mul(y, sub(1, y)));
    case 'leakyrelu':
      return where(greater(leakyreluAlpha >= 0 ? y : recompute(), 0), dy, mul(dy, leakyreluAlpha));
  }
}

/**
 * y = act(matmul(a, b) + bias): matmul's gradients of dz = dact(dy), and dz itself for the bias
 * (the engine sums it over the rows and batch axes, down to the bias's [n]).
 */
const fusedMatmulRule = rule(fusedMatmulOp, (dy, { inputs: [a, b, bias], outputs: [y], attrs }) => {
  const { transposeA: ta, transposeB: tb } = attrs;
  const dz = once(() =>
    preActivationGradient(dy, y, attrs, () => fusedMatmul({ a, b, bias, transposeA: ta, transposeB: tb })),
  );
  const gradA = () =>
    !ta ? matmul(dz(), b, { transposeB: !tb }) : matmul(b, dz(), { transposeA: tb, transposeB: true });
  const gradB = () =>
    !tb ? matmul(a, dz(), { transposeA: !ta }) : matmul(dz(), a, { transposeA: true, transposeB: ta });
  return attrs.hasBias ? [gradA, gradB, dz] : [gradA, gradB];
});

type ConvPrimitives = {
  input: typeof conv2dBackpropInput;
  filter: typeof conv2dBackpropFilter;
  forward: typeof fusedConv2d;
};

/** As the unfused convolution's rule (see convolution.ts), on dz = dact(dy); the bias gets dz. */
function fusedConvRule(p: ConvPrimitives) {
  return (dy: Tensor, { inputs: [x, f, bias], outputs: [y], attrs }: RuleContext<FusedConv2dAttrs>) => {
    const options = { strides: attrs.strides, padding: attrs.padding, dilations: attrs.dilations };
    // An unbatched image is a batch of one.
    const batched = (t: Tensor) => (t.rank === 3 ? reshape(t, [1, ...t.shape]) : t);
    const dz = once(() => preActivationGradient(dy, y, attrs, () => p.forward({ x, filter: f, bias, ...options })));
    const gradX = () => reshape(p.input(batched(dz()), f, batched(x).shape, options), x.shape);
    const gradF = () => p.filter(batched(x), batched(dz()), f.shape, options);
    return attrs.hasBias ? [gradX, gradF, dz] : [gradX, gradF];
  };
}

export const fusedRules: readonly [string, GradientEntry][] = [
  fusedMatmulRule,
  rule(
    fusedConv2dOp,
    fusedConvRule({ input: conv2dBackpropInput, filter: conv2dBackpropFilter, forward: fusedConv2d }),
  ),
  rule(
    fusedDepthwiseConv2dOp,
    fusedConvRule({
      input: depthwiseConv2dBackpropInput,
      filter: depthwiseConv2dBackpropFilter,
      forward: fusedDepthwiseConv2d,
    }),
  ),
];
