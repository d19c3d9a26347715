import { add, dropout, exp, mul, neg, rsqrt, square, sub, sum } from '@strata/tensor';
import { batchNormOp, dropoutOp, logSoftmaxOp, softmaxOp } from '@strata/tensor/internal';
import { rule, type GradientEntry } from '../../registry';

export const normalizationRules: readonly [string, GradientEntry][] = [
  // dx = y * (dy - sum(dy * y))
  rule(softmaxOp, (dy, { outputs: [y], attrs: { axis } }) => [() => mul(y, sub(dy, sum(mul(dy, y), axis, true)))]),
  // dx = dy - softmax(x) * sum(dy), and softmax(x) = exp(y)
  rule(logSoftmaxOp, (dy, { outputs: [y], attrs: { axis } }) => [() => sub(dy, mul(exp(y), sum(dy, axis, true)))]),
  // y = (x - mean) * rsqrt(variance + eps) * scale + offset. Parameter gradients come out in x's
  // shape; the engine sums them back to each parameter's (broadcast) shape.
  rule(batchNormOp, (dy, { inputs: [x, mean, variance, ...rest], attrs: { varianceEpsilon, hasOffset, hasScale } }) => {
    const scale = hasScale ? rest[hasOffset ? 1 : 0] : null;
    const inv = () => rsqrt(add(variance, varianceEpsilon));
    const factor = () => (scale ? mul(inv(), scale) : inv());
    const centered = () => sub(x, mean);
    return [
      () => mul(dy, factor()),
      () => neg(mul(dy, factor())),
      () => mul(mul(dy, centered()), mul(factor(), mul(square(inv()), -0.5))),
      ...(hasOffset ? [() => dy] : []),
      ...(hasScale ? [() => mul(dy, mul(centered(), inv()))] : []),
    ];
  }),
  // Dropout multiplies by a mask fixed by its seed: the gradient is the same dropout applied to dy.
  rule(dropoutOp, (dy, { attrs: { rate, seed, noiseShape } }) => [
    () => dropout(dy, rate, { seed, noiseShape: noiseShape ?? undefined }),
  ]),
];
