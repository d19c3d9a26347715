import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { softmaxRule, type SoftmaxAttrs } from './softmax-rule';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** The op of {@link softmax}: its shape rule and kernel, the key of its gradient rule. */
export const softmaxOp = defineOp<SoftmaxAttrs>({
  name: 'softmax',
  infer: ([x], { axis }) => {
    softmaxRule('softmax', x.shape, axis);
    return { shape: x.shape, dtype: 'float32' };
  },
  // TensorFlow.js's Softmax kernels work on the last axis only: other axes are moved there and back.
  kernel: (ctx, [x], attrs) =>
    composed(ctx, (s) => {
      const axis = softmaxRule('softmax', x.shape, attrs.axis);
      const logits = s.cast(x, 'float32');
      const last = x.shape.length - 1;
      if (axis === last) return s.run('Softmax', { logits }, { dim: last });
      const perm = [...Array(x.shape.length).keys()].filter((a) => a !== axis).concat(axis);
      const moved = s.run('Transpose', { x: logits }, { perm });
      const probs = s.run('Softmax', { logits: moved }, { dim: last });
      const back = perm.map((_, i) => perm.indexOf(i));
      return s.run('Transpose', { x: probs }, { perm: back });
    }),
});

/**
 * exp(x) / sum(exp(x)) along `axis` (default the last), computed stably in float32.
 * @example
 * ```ts
 * softmax(tensor([1, 2, 3])); // [0.09003, 0.2447, 0.6652]
 * ```
 */
export function softmax(x: OpInput, axis = -1): Tensor {
  const { inputs, temps } = opInputs('softmax', [['x', x]]);
  return runOp(softmaxOp, inputs, { axis }, temps);
}
