import { toTensor, type OpInput } from '../../convert';
import { fmtShape, opError } from '../../errors';
import type { Tensor } from '../../tensor';
import { validating } from '../reduction/define';
import { matmul } from './matmul';
import { matmulShape } from './matmul-shape';

/**
 * NumPy's dot: the sum of products over a's last axis and b's second-to-last (b's only axis if b is
 * a vector). vector·vector is a scalar, matrix·vector a vector, N-D·matrix a matmul. Where NumPy's
 * dot and matmul agree it is matmul (and records as matmul); a of rank >= 2 with b of rank >= 3,
 * where NumPy pairs every matrix of a with every matrix of b, is refused: use matmul for batches.
 * @example
 * ```ts
 * dot(tensor([1, 2]), tensor([3, 4])); // 11
 * ```
 */
export function dot(a: OpInput, b: OpInput): Tensor {
  const temps: Tensor[] = [];
  const ta = toTensor(a, 'dot', 'a', temps);
  const tb = validating(temps, () => toTensor(b, 'dot', 'b', temps));
  try {
    if (ta.shape.length === 0 || tb.shape.length === 0) {
      throw opError(
        'dot',
        `operands must have rank >= 1, received a scalar: a.shape=${fmtShape(ta.shape)}, b.shape=${fmtShape(tb.shape)}; the dot of a scalar is elementwise multiplication: use mul(a, b)`,
      );
    }
    if (ta.shape.length >= 2 && tb.shape.length >= 3) {
      throw opError(
        'dot',
        `b of rank ${tb.shape.length} is not supported when a has rank ${ta.shape.length}: a.shape=${fmtShape(ta.shape)}, b.shape=${fmtShape(tb.shape)}; ` +
          `for a batched product (matching batch axes) use matmul(a, b)`,
      );
    }
    // Checks the inner sizes with dot's name in the message before matmul runs.
    matmulShape('dot', ta.shape, tb.shape, { transposeA: false, transposeB: false });
    return matmul(ta, tb);
  } finally {
    for (const t of temps) t.dispose();
  }
}
