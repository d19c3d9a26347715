import { opError, fmtShape } from '../../errors';
import type { Shape } from '../../shape';

/** The attributes of {@link softmax} and {@link logSoftmax}. */
export interface SoftmaxAttrs {
  /** As given: may be negative, counting from the last axis. */
  axis: number;
}

/** Shared by softmax and logSoftmax: checks x and returns the non-negative axis normalized over. */
export function softmaxRule(op: string, x: Shape, axis: number): number {
  if (x.length === 0)
    throw opError(
      op,
      `x must have rank >= 1 (a softmax needs an axis to normalize over), received shape ${fmtShape(x)}`,
    );
  const rank = x.length;
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw opError(
      op,
      `axis must be an integer in [${-rank}, ${rank - 1}] for x.shape=${fmtShape(x)}, received ${axis}`,
    );
  }
  return axis < 0 ? axis + rank : axis;
}
