import type { TensorInfo } from '../../backend';
import { opError, fmtShape } from '../../errors';
import { composed, type Scratch } from '../../kernels/scratch';
import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { withTemps } from './args';

function checkPerm(shape: readonly unknown[], perm: readonly number[]): void {
  const rank = shape.length;
  const isPermutation =
    perm.length === rank && perm.every((p) => Number.isInteger(p) && p >= 0 && p < rank) && new Set(perm).size === rank;
  if (!isPermutation) {
    throw opError(
      'transpose',
      `perm must be a permutation of the ${rank} axes of x (shape ${fmtShape(shape as never)}), received ${JSON.stringify(perm)}`,
    );
  }
}

/**
 * Transposes with as few axes as possible: size-1 axes are dropped and input axes that stay
 * neighbours in `perm` move as one. Faster everywhere, and keeps WebGPU within its 6-axis limit.
 */
function transposeKernel(s: Scratch, x: TensorInfo, perm: readonly number[], outShape: number[]): TensorInfo {
  const kept = perm.filter((p) => x.shape[p] !== 1);
  const groups: number[][] = [];
  for (const p of kept) {
    const last = groups[groups.length - 1];
    if (last && last[last.length - 1] + 1 === p) last.push(p);
    else groups.push([p]);
  }
  const byInputOrder = [...groups].sort((a, b) => a[0] - b[0]);
  const mergedPerm = groups.map((g) => byInputOrder.indexOf(g));
  if (mergedPerm.every((p, i) => p === i)) return s.reshape(x, outShape);
  const mergedShape = byInputOrder.map((g) => g.reduce((n, a) => n * x.shape[a], 1));
  return s.reshape(s.transpose(s.reshape(x, mergedShape), mergedPerm), outShape);
}

/** The op of {@link transpose}: its shape rule and kernel, the key of its gradient rule. */
export const transposeOp = defineOp<{
  /** Output axis i is input axis perm[i]. */
  perm: number[];
}>({
  name: 'transpose',
  infer: ([x], { perm }) => {
    checkPerm(x.shape, perm);
    return { shape: perm.map((p) => x.shape[p]), dtype: x.dtype };
  },
  kernel: (ctx, [x], { perm }, [out]) => composed(ctx, (s) => transposeKernel(s, x, perm, out.shape)),
});

/**
 * Permutes the axes: output axis i is input axis perm[i] (negative entries count from the end);
 * reverses them by default.
 * @example
 * ```ts
 * transpose(tensor([[1, 2, 3], [4, 5, 6]])); // [[1, 4], [2, 5], [3, 6]]
 * ```
 */
export function transpose(x: OpInput, perm?: readonly number[]): Tensor {
  return withTemps((temps) => {
    const t = toTensor(x, 'transpose', 'x', temps);
    const rank = t.shape.length;
    if (perm !== undefined && !Array.isArray(perm))
      throw opError('transpose', `perm must be an array of axes, received ${JSON.stringify(perm)}`);
    const p =
      perm === undefined
        ? [...Array(rank).keys()].reverse()
        : perm.map((a) => (Number.isInteger(a) && a < 0 && a >= -rank ? a + rank : a));
    return runOp(transposeOp, [t], { perm: p }, temps);
  });
}
