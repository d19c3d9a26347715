import {
  add,
  cast,
  cumsum,
  expandDims,
  greaterEqual,
  logicalAnd,
  mul,
  onesLike,
  slice,
  sub,
  type Tensor,
  where,
} from '@strata/tensor';

/**
 * Keras's causal mask for scores [..., Tq, Tv]: true where key position j <= query position i, as
 * a [1, ..., 1, Tq, Tv] bool tensor. Built from the scores' own shape with ops, so it also works
 * when the lengths are only known at run time.
 */
export function causalMask(scores: Tensor): Tensor {
  const rank = scores.shape.length;
  const corner = slice(
    scores,
    new Array<number>(rank).fill(0),
    scores.shape.map((_, i) => (i < rank - 2 ? 1 : -1)),
  );
  const ones = onesLike(corner);
  return greaterEqual(cumsum(ones, rank - 2), cumsum(ones, rank - 1));
}

/** The logical and of the masks given (null for none). */
export function combineMasks(...masks: (Tensor | null)[]): Tensor | null {
  return masks.reduce<Tensor | null>(
    (all, m) => (m === null ? all : all === null ? cast(m, 'bool') : logicalAnd(all, cast(m, 'bool'))),
    null,
  );
}

/** A [batch, Tv] key mask as [batch, 1, Tv], to mask the scores of every query. */
export function keyMaskForScores(mask: Tensor): Tensor {
  return expandDims(cast(mask, 'bool'), -2);
}

/**
 * Scores with masked positions pushed to -1e9 (Keras's large negative number for float32), so
 * softmax gives them no weight: scores − 1e9·(1 − mask).
 */
export function maskScores(scores: Tensor, mask: Tensor | null): Tensor {
  if (!mask) return scores;
  return add(scores, mul(sub(1, cast(mask, 'float32')), -1e9));
}

/**
 * Scores with masked positions replaced by -1e9, as jax.nn.dot_product_attention (which Keras's
 * MultiHeadAttention runs) masks them. The values match maskScores', but no gradient reaches a
 * masked score: in a fully masked row, where every weight is 1/Tv whatever the scores, the
 * additive form would still pass softmax's gradient back to the query and key.
 */
export function replaceMaskedScores(scores: Tensor, mask: Tensor | null): Tensor {
  if (!mask) return scores;
  return where(cast(mask, 'bool'), scores, -1e9);
}
