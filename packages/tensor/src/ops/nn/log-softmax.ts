import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { softmaxRule, type SoftmaxAttrs } from './softmax-rule';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** The op of {@link logSoftmax}: its shape rule and kernel, the key of its gradient rule. */
export const logSoftmaxOp = defineOp<SoftmaxAttrs>({
  name: 'logSoftmax',
  infer: ([x], { axis }) => {
    softmaxRule('logSoftmax', x.shape, axis);
    return { shape: x.shape, dtype: 'float32' };
  },
  // x - max - log(sum(exp(x - max))): shifting by the max keeps exp from overflowing, and
  // subtracting the log of the sum keeps very negative entries finite where log(softmax) gives -inf.
  kernel: (ctx, [x], attrs) =>
    composed(ctx, (s) => {
      const axis = softmaxRule('logSoftmax', x.shape, attrs.axis);
      const logits = s.cast(x, 'float32');
      const max = s.run('Max', { x: logits }, { reductionIndices: [axis], keepDims: true });
      const shifted = s.run('Sub', { a: logits, b: max });
      const sumExp = s.run('Sum', { x: s.run('Exp', { x: shifted }) }, { axis: [axis], keepDims: true });
      return s.run('Sub', { a: shifted, b: s.run('Log', { x: sumExp }) });
    }),
});

/**
 * log(softmax(x)) along `axis` (default the last), computed without overflow or log(0).
 * @example
 * ```ts
 * logSoftmax(tensor([0, 0])); // [-0.6931, -0.6931]
 * ```
 */
export function logSoftmax(x: OpInput, axis = -1): Tensor {
  const { inputs, temps } = opInputs('logSoftmax', [['x', x]]);
  return runOp(logSoftmaxOp, inputs, { axis }, temps);
}
