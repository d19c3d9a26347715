import { upcast } from '../../dtype';
import { fmtShape, opError, StrataError } from '../../errors';
import { defineOp, runOp, type TensorSpec } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import { broadcastShapes, type Dim } from '../../shape';
import type { Tensor } from '../../tensor';
import type { TensorInfo } from '../../backend';
import { checkBool, castInfo, dtypeOf } from './define';
import { broadcastInfo, runAndFree } from './kernel-helpers';
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
  kernel: (ctx, inputs, _attrs, [out]) => {
    const boolViaInt = out.dtype === 'bool' && hasQuirk(ctx.backend, 'Select', 'boolData');
    const branchDtype = boolViaInt ? 'int32' : out.dtype;
    const made: TensorInfo[] = [];
    const prepared = inputs.map((x, i) => {
      const [cast, castMade] = i === 0 ? [x, false] : castInfo(ctx, x, branchDtype);
      if (castMade) made.push(cast);
      const [wide, wideMade] = broadcastInfo(ctx, cast, out.shape);
      if (wideMade) made.push(wide);
      return wide;
    });
    const result = ctx.run('Select', { condition: prepared[0], t: prepared[1], e: prepared[2] });
    for (const t of made) ctx.free(t);
    return boolViaInt ? runAndFree(ctx, 'Cast', { x: result }, [result], { dtype: 'bool' }) : result;
  },
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
