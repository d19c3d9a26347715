import { toTensor, type OpInput } from '../../convert';
import { upcast, type DType } from '../../dtype';
import { opError } from '../../errors';
import { defineOp, runOp } from '../../op';
import type { Tensor } from '../../tensor';
import { validating } from '../reduction/define';
import { matmulKernel } from './matmul-kernel';
import { composed } from '../../kernels/scratch';
import { matmulShape, type MatmulAttrs } from './matmul-shape';

/** Options of {@link matmul}. */
export interface MatmulOptions {
  /** Use a's last two axes swapped. */
  transposeA?: boolean;
  /** Use b's last two axes swapped. */
  transposeB?: boolean;
}

/** The dtype a product is computed in: the promoted dtype, with bools counted as int32 (as sum does). */
function productDtype(a: DType, b: DType): DType {
  const d = upcast(a, b);
  return d === 'bool' ? 'int32' : d;
}

/** The op of {@link matmul}: its shape rule and kernel, the key of its gradient rule. */
export const matmulOp = defineOp<MatmulAttrs>({
  name: 'matmul',
  infer: ([a, b], attrs) => ({
    shape: matmulShape('matmul', a.shape, b.shape, attrs),
    dtype: productDtype(a.dtype, b.dtype),
  }),
  kernel: (ctx, [a, b], attrs, [out]) => composed(ctx, (s) => matmulKernel(s, a, b, attrs, out.dtype)),
});

/**
 * The matrix product over the last two axes, as NumPy's matmul: batch axes broadcast
 * ([2,1,3,4] x [5,4,6] → [2,5,3,6]); a rank-1 `a` is a row vector and a rank-1 `b` a column
 * vector, whose added axis is removed from the result. int32 operands give int32.
 * @example
 * ```ts
 * matmul(tensor([[1, 2]]), tensor([[3], [4]])); // [[11]]
 * ```
 */
export function matmul(a: OpInput, b: OpInput, options: MatmulOptions = {}): Tensor {
  const temps: Tensor[] = [];
  const ta = toTensor(a, 'matmul', 'a', temps);
  const tb = validating(temps, () => toTensor(b, 'matmul', 'b', temps));
  const attrs = validating(temps, (): MatmulAttrs => {
    const { transposeA = false, transposeB = false } = options;
    if (typeof transposeA !== 'boolean' || typeof transposeB !== 'boolean') {
      throw opError(
        'matmul',
        `options.transposeA and options.transposeB must be booleans, received transposeA=${String(transposeA)}, transposeB=${String(transposeB)}`,
      );
    }
    return { transposeA, transposeB };
  });
  return runOp(matmulOp, [ta, tb], attrs, temps);
}
