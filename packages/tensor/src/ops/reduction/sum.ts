import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import { normalizeAxes, type Dim } from '../../shape';
import type { Tensor } from '../../tensor';
import { runCast } from '../elementwise/define';

export interface ReduceAttrs {
  axis: number[];
  keepDims: boolean;
}

/** The shape a reduction over `axes` leaves. */
export function reducedShape(shape: readonly Dim[], axes: readonly number[], keepDims: boolean): Dim[] {
  return keepDims ? shape.map((d, i) => (axes.includes(i) ? 1 : d)) : shape.filter((_, i) => !axes.includes(i));
}

export const sumOp = defineOp<ReduceAttrs>({
  name: 'sum',
  infer: ([x], { axis, keepDims }) => ({ shape: reducedShape(x.shape, axis, keepDims), dtype: x.dtype === 'bool' ? 'int32' : x.dtype }),
  kernel: (ctx, [x], { axis, keepDims }, [out]) => runCast(ctx, 'Sum', { x }, out.dtype, { axis, keepDims }),
});

/** Sums over `axis` (all axes if omitted); bools are counted as int32. */
export function sum(x: OpInput, axis?: number | number[] | null, keepDims = false): Tensor {
  const temps: Tensor[] = [];
  const t = toTensor(x, 'sum', 'x', temps);
  return runOp(sumOp, [t], { axis: normalizeAxes('sum', axis, t.shape.length), keepDims }, temps);
}
