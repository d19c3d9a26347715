import type { OnnxBuilder } from '../builder';
import { cast, reduce, type OpCall, type OpConverter } from './common';

const reduction =
  (opType: string): OpConverter =>
  (b, c) =>
    reduce(b, opType, cast(b, c.inputs[0], c.specs[0].dtype, c.outputs[0].dtype), c.attrs.axis, c.attrs.keepDims);

/** all/any: a min/max over the values as int32, back to bool. */
const logical =
  (opType: string): OpConverter =>
  (b, c) => {
    const ints = cast(b, c.inputs[0], c.specs[0].dtype, 'int32');
    return cast(b, reduce(b, opType, ints, c.attrs.axis, c.attrs.keepDims), 'int32', 'bool');
  };

/** argMax/argMin give int64 in ONNX, int32 in Strata. */
const arg =
  (opType: string): OpConverter =>
  (b, c) => {
    const idx = b.op(opType, [c.inputs[0]], {
      axis: c.attrs.axis,
      keepdims: c.attrs.keepDims ? 1 : 0,
      select_last_index: 0,
    });
    return b.op('Cast', [idx], { to: 6 });
  };

function cumsum(b: OnnxBuilder, c: OpCall): string {
  const x = cast(b, c.inputs[0], c.specs[0].dtype, c.outputs[0].dtype);
  return b.op('CumSum', [x, b.int64s([c.attrs.axis], true)], {
    exclusive: c.attrs.exclusive ? 1 : 0,
    reverse: c.attrs.reverse ? 1 : 0,
  });
}

export const REDUCTION: Record<string, OpConverter> = {
  sum: reduction('ReduceSum'),
  mean: reduction('ReduceMean'),
  max: reduction('ReduceMax'),
  min: reduction('ReduceMin'),
  prod: reduction('ReduceProd'),
  logSumExp: reduction('ReduceLogSumExp'),
  all: logical('ReduceMin'),
  any: logical('ReduceMax'),
  argMax: arg('ArgMax'),
  argMin: arg('ArgMin'),
  cumsum,
};
