import { upcast } from '../../dtype';
import { fmtShape, opError, StrataError } from '../../errors';
import { defineOp, runOp, type TensorSpec } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import { broadcastShapes, type Dim } from '../../shape';
import type { Tensor } from '../../tensor';
import { composed } from '../../kernels/scratch';
import { checkBool, dtypeOf } from './define';
import { broadcastInfo } from './kernel-helpers';
import { hasQuirk } from './quirks';

function whereShape([condition, a, b]: readonly TensorSpec[]): Dim[] {
  try {
    return broadcastShapes('where', broadcastShapes('where', condition.shape, a.shape), b.shape);
  } catch (e) {
    if (!(e instanceof StrataError)) throw e;
    throw opError(
      'where',
      `shapes cannot be broadcast together: condition.shape=${fmtShape(condition.shape)}, a.shape=${fmtShape(a.shape)}, b.shape=${fmtShape(b.shape)} ` +
        '(each axis must be equal, or 1 in all but one of them)',
    );
  }
}

/** The op of {@link where}: its shape rule and kernel, the key of its gradient rule. */
export const whereOp = defineOp({
  name: 'where',
  infer: (inputs) => {
    checkBool('where', [inputs[0]], ['condition']);
    return { shape: whereShape(inputs), dtype: upcast(inputs[1].dtype, inputs[2].dtype) };
  },
  // tfjs's Select takes three tensors of one shape: broadcast them as tf.where does.
  kernel: (ctx, inputs, _attrs, [out]) =>
    composed(ctx, (s) => {
      const boolViaInt = out.dtype === 'bool' && hasQuirk(s.backend, 'Select', 'boolData');
      const branchDtype = boolViaInt ? 'int32' : out.dtype;
      const [condition, t, e] = inputs.map((x, i) => broadcastInfo(s, i === 0 ? x : s.cast(x, branchDtype), out.shape));
      const result = s.run('Select', { condition, t, e });
      return boolViaInt ? s.cast(result, 'bool') : result;
    }),
});

/**
 * Picks a where condition is true, b elsewhere, broadcasting all three (NumPy's where). The
 * condition must be bool; a JS number takes the dtype of the tensor it meets.
 * @example
 * ```ts
 * where(tensor([true, false]), tensor([1, 2]), tensor([10, 20])); // [1, 20]
 * ```
 */
export function where(condition: OpInput, a: OpInput, b: OpInput): Tensor {
  const temps: Tensor[] = [];
  const c = toTensor(condition, 'where', 'condition', temps);
  const ta = toTensor(a, 'where', 'a', temps, dtypeOf(b));
  const tb = toTensor(b, 'where', 'b', temps, dtypeOf(a));
  return runOp(whereOp, [c, ta, tb], {}, temps);
}
