import { broadcastTo, matmul, reshape, type Tensor } from '@strata/tensor';
import { einsumOp, matmulOp, runOp, type EinsumAttrs } from '@strata/tensor/internal';
import { rule, type GradientEntry } from '../registry';

/**
 * matmul's rule works on matrices: a vector operand is the one-row (a) or one-column (b) matrix
 * matmul treats it as, and `dy` gets back the axis the product dropped for it. Batch axes that were
 * broadcast are summed by the engine.
 */
const matmulRule = rule(matmulOp, (dy, { inputs: [a, b], attrs: { transposeA, transposeB } }) => {
  const aVector = a.rank === 1;
  const bVector = b.rank === 1;
  const a2 = () => (aVector ? reshape(a, [1, a.shape[0]]) : a);
  const b2 = () => (bVector ? reshape(b, [b.shape[0], 1]) : b);
  const ta = transposeA && !aVector;
  const tb = transposeB && !bVector;
  const dy2 = (): Tensor => {
    if (!aVector && !bVector) return dy;
    const s = [...dy.shape];
    if (aVector) s.splice(bVector ? s.length : s.length - 1, 0, 1);
    if (bVector) s.push(1);
    return reshape(dy, s);
  };
  // A vector a gets a [..., 1, k] gradient: the engine sums the leading axes away.
  const gradA = () =>
    !ta ? matmul(dy2(), b2(), { transposeB: !tb }) : matmul(b2(), dy2(), { transposeA: tb, transposeB: true });
  const gradB = () => {
    const g = !tb
      ? matmul(a2(), dy2(), { transposeA: !ta })
      : matmul(dy2(), a2(), { transposeA: true, transposeB: ta });
    return bVector ? reshape(g, g.shape.slice(0, -1)) : g;
  };
  return [gradA, gradB];
});

/**
 * The gradient of one einsum operand is an einsum of dy with the other operand, back to this
 * operand's labels. A label only this operand has was summed away: dy does not depend on where
 * along it, so the gradient is broadcast over it. Broadcast batch labels come out at full size and
 * the engine sums them back.
 */
function einsumOperandGradient(
  dy: Tensor,
  other: Tensor,
  labels: readonly string[],
  otherLabels: readonly string[],
  out: readonly string[],
  self: Tensor,
): Tensor {
  const kept = labels.filter((l) => out.includes(l) || otherLabels.includes(l));
  const g = runOp(einsumOp, [dy, other], { a: [...out], b: [...otherLabels], out: kept });
  if (kept.length === labels.length) return g;
  const sizeOf = (l: string) => g.shape[kept.indexOf(l)];
  const withPrivateAxes = reshape(
    g,
    labels.map((l) => (kept.includes(l) ? sizeOf(l) : 1)),
  );
  return broadcastTo(
    withPrivateAxes,
    labels.map((l, i) => (kept.includes(l) ? sizeOf(l) : self.shape[i])),
  );
}

const einsumRule = rule(
  einsumOp,
  (dy, { inputs: [a, b], attrs }: { inputs: readonly Tensor[]; attrs: EinsumAttrs }) => [
    () => einsumOperandGradient(dy, b, attrs.a, attrs.b, attrs.out, a),
    () => einsumOperandGradient(dy, a, attrs.b, attrs.a, attrs.out, b),
  ],
);

export const linalgRules: readonly [string, GradientEntry][] = [matmulRule, einsumRule];
