import { matmul, matmulOp, reshape, type Tensor } from '@strata/tensor';
import { rule, type GradientEntry } from '../registry';

/**
 * matmul's rule works on matrices: a vector operand is the one-row (a) or one-column (b) matrix
 * matmul treats it as, and `dy` gets back the axis the product dropped for it. Batch axes that were
 * broadcast are summed by the engine.
 */
export const linalgRules: readonly [string, GradientEntry][] = [
  rule(matmulOp, (dy, { inputs: [a, b], attrs: { transposeA, transposeB } }) => {
    const aVector = a.rank === 1;
    const bVector = b.rank === 1;
    const a2 = () => (aVector ? reshape(a, [1, a.shape[0]]) : a);
    const b2 = () => (bVector ? reshape(b, [b.shape[0], 1]) : b);
    const ta = transposeA && !aVector;
    const tb = transposeB && !bVector;
    const dy2 = (): Tensor => {
      const s = [...dy.shape];
      if (aVector) s.splice(bVector ? s.length : s.length - 1, 0, 1);
      if (bVector) s.push(1);
      return aVector || bVector ? reshape(dy, s) : dy;
    };
    const gradA = (): Tensor => {
      const g = !ta ? matmul(dy2(), b2(), { transposeB: !tb }) : matmul(b2(), dy2(), { transposeA: tb, transposeB: true });
      return g; // a vector's gradient is [..., 1, k]: the engine sums the leading axes away
    };
    const gradB = (): Tensor => {
      const g = !tb ? matmul(a2(), dy2(), { transposeA: !ta }) : matmul(dy2(), a2(), { transposeA: true, transposeB: ta });
      return bVector ? reshape(g, g.shape.slice(0, -1)) : g;
    };
    return [gradA, gradB];
  }),
];
