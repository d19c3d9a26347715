import type { TensorInfo } from '../../backend';
import { toTensor, type OpInput } from '../../convert';
import { upcast, type DType } from '../../dtype';
import { composed, type Scratch } from '../../kernels/scratch';
import { defineOp, runOp } from '../../op';
import type { Tensor } from '../../tensor';
import { validating } from '../reduction/define';
import { einsumSizes, parseEinsum, type EinsumAttrs } from './einsum-equation';
import { matmulKernel } from './matmul-kernel';

export type { EinsumAttrs } from './einsum-equation';

const product = (xs: readonly number[]): number => xs.reduce((p, d) => p * d, 1);

/** How the labels of one operand line up for a single batched matrix product. */
interface Side {
  x: TensorInfo;
  labels: string[];
  /** Labels only this operand has and the output lacks: summed before the product. */
  summed: string[];
  free: string[];
}

/**
 * einsum as one batched matmul: each operand sums away its private labels, is transposed to
 * [batch, free, contracted] (the left) or [batch, contracted, free] (the right) and reshaped to a
 * matrix per batch entry; the product is reshaped and transposed to the output's order. tfjs's own
 * Einsum kernel is missing on wasm, while these kernels exist on every backend.
 */
function einsumKernel(
  k: Scratch,
  x: TensorInfo,
  y: TensorInfo,
  attrs: EinsumAttrs,
  out: { shape: number[]; dtype: DType },
): TensorInfo {
  const run = (kernel: string, inputs: Record<string, TensorInfo>, kernelAttrs: Record<string, unknown>) =>
    k.run(kernel, inputs, kernelAttrs as never);
  const inOut = new Set(attrs.out);
  const side = (t: TensorInfo, labels: string[], other: string[]): Side => ({
    x: k.float(t),
    labels,
    summed: labels.filter((l) => !other.includes(l) && !inOut.has(l)),
    free: attrs.out.filter((l) => labels.includes(l) && !other.includes(l)),
  });
  const a = side(x, attrs.a, attrs.b);
  const b = side(y, attrs.b, attrs.a);
  // The operand whose free labels come first in the output goes left: the final transpose is then often none.
  const [left, right] =
    b.free.length > 0 && attrs.out.indexOf(b.free[0]) < attrs.out.indexOf(a.free[0] ?? '') ? [b, a] : [a, b];
  const batch = attrs.out.filter((l) => attrs.a.includes(l) && attrs.b.includes(l));
  const contracted = attrs.a.filter((l) => attrs.b.includes(l) && !inOut.has(l));
  const sizeIn = (s: Side, l: string) => s.x.shape[s.labels.indexOf(l)];

  const layout = (s: Side, order: string[], matrix: (size: (ls: string[]) => number) => number[]): TensorInfo => {
    let t = s.x;
    let labels = s.labels;
    if (s.summed.length > 0) {
      t = run('Sum', { x: t }, { axis: s.summed.map((l) => labels.indexOf(l)), keepDims: false });
      labels = labels.filter((l) => !s.summed.includes(l));
    }
    const perm = order.map((l) => labels.indexOf(l));
    if (perm.some((p, i) => p !== i)) t = run('Transpose', { x: t }, { perm });
    const size = (ls: string[]) => product(ls.map((l) => sizeIn(s, l)));
    return run('Reshape', { x: t }, { shape: [...batch.map((l) => sizeIn(s, l)), ...matrix(size)] });
  };
  const l3 = layout(left, [...batch, ...left.free, ...contracted], (size) => [size(left.free), size(contracted)]);
  const r3 = layout(right, [...batch, ...contracted, ...right.free], (size) => [size(contracted), size(right.free)]);
  const product3 = matmulKernel(k, l3, r3, { transposeA: false, transposeB: false }, out.dtype);
  const order = [...batch, ...left.free, ...right.free];
  const sizeOut = (l: string) => out.shape[attrs.out.indexOf(l)];
  const unfolded = k.run('Reshape', { x: product3 }, { shape: order.map(sizeOut) });
  const perm = attrs.out.map((l) => order.indexOf(l));
  return perm.every((p, i) => p === i) ? unfolded : k.transpose(unfolded, perm);
}

function productDtype(a: DType, b: DType): DType {
  const d = upcast(a, b);
  return d === 'bool' ? 'int32' : d;
}

/** The op of {@link einsum}: its shape rule and kernel, the key of its gradient rule. */
export const einsumOp = defineOp<EinsumAttrs>({
  name: 'einsum',
  infer: ([a, b], attrs) => {
    const sizes = einsumSizes(attrs, a.shape, b.shape);
    return { shape: attrs.out.map((l) => sizes.get(l)!), dtype: productDtype(a.dtype, b.dtype) };
  },
  kernel: (ctx, [a, b], attrs, [out]) => composed(ctx, (s) => einsumKernel(s, a, b, attrs, out)),
});

/**
 * Einstein summation over two operands, as NumPy's einsum: `einsum('ij,jk->ik', a, b)` is a
 * matmul, `'bij,bjk->bik'` a batched one, `'abc,cde->abde'` a dense layer with a 2-D output;
 * labels in both operands and the output are batch axes (a size of 1 broadcasts), labels missing
 * from the output are summed, and '...' stands for broadcast leading (or trailing) axes. Without
 * '->' the output is NumPy's implicit one. Repeated labels within one operand (diagonals) are not
 * supported. int32 operands give int32 (computed in float32, exact below 2^24).
 * @example
 * ```ts
 * einsum('ij,jk->ik', tensor([[1, 2]]), tensor([[3], [4]])); // [[11]]
 * ```
 */
export function einsum(equation: string, a: OpInput, b: OpInput): Tensor {
  const temps: Tensor[] = [];
  const ta = toTensor(a, 'einsum', 'a', temps);
  const tb = validating(temps, () => toTensor(b, 'einsum', 'b', temps));
  const attrs = validating(temps, () => parseEinsum(equation, ta.shape.length, tb.shape.length));
  return runOp(einsumOp, [ta, tb], attrs, temps);
}
