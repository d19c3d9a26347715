import type { TensorInfo } from '../../backend';
import { opError, fmtShape } from '../../errors';
import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import type { Dim } from '../../shape';
import type { Tensor } from '../../tensor';
import { dimsAgree, intIn, knownDim, sameDtype, toTensorList, withTemps } from './args';

/** The op of {@link stack}: its shape rule and kernel, the key of its gradient rule. */
export const stackOp = defineOp<{
  /** Where the new axis goes in the output, non-negative. */
  axis: number;
}>({
  name: 'stack',
  infer: (inputs, { axis }) => {
    const dtype = sameDtype('stack', inputs);
    const first = inputs[0].shape;
    intIn('stack', 'axis', axis, 0, first.length);
    const shape: Dim[] = [...first];
    inputs.forEach(({ shape: s }, i) => {
      if (s.length !== first.length || s.some((d, a) => !dimsAgree(d, shape[a]))) {
        throw opError(
          'stack',
          `all inputs must have the same shape: input 0 has shape ${fmtShape(first)}, input ${i} has shape ${fmtShape(s)}`,
        );
      }
      s.forEach((d, a) => (shape[a] = knownDim(shape[a], d)));
    });
    shape.splice(axis, 0, inputs.length);
    return { shape, dtype };
  },
  // tfjs's Pack takes its inputs as an array, not a map of names.
  kernel: (ctx, inputs, { axis }) => ctx.run('Pack', inputs as unknown as Record<string, TensorInfo>, { axis }),
});

/**
 * Joins same-shaped tensors along a new axis at `axis`, in [-(rank+1), rank].
 * @example
 * ```ts
 * stack([tensor([1, 2]), tensor([3, 4])], 1); // [[1, 3], [2, 4]]
 * ```
 */
export function stack(tensors: readonly OpInput[], axis = 0): Tensor {
  return withTemps((temps) => {
    const ts = toTensorList(tensors, 'stack', temps);
    const rank = ts[0].shape.length;
    const a = intIn('stack', 'axis', axis, -rank - 1, rank, ` for inputs of rank ${rank}`);
    return runOp(stackOp, ts, { axis: a < 0 ? a + rank + 1 : a }, temps);
  });
}
