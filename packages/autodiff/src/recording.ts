import type { Tensor } from '@strata/tensor';
import { retain } from '@strata/tensor/internal';

/**
 * A tape keeps its own handle on each tensor it needs (see `keepForTape`); that handle is a new
 * Tensor with a new id. Ops that later run on it (a rule computing a gradient) must still be seen,
 * by an outer tape, as ops on the original tensor, or gradients of gradients would find nothing
 * connected. So every kept handle maps back to the id of the tensor it was taken from.
 */
const originalIds = new Map<number, number>();

/** The id a tape knows a tensor by: that of the user's tensor, for handles tapes kept. */
export function canonicalId(t: Tensor): number {
  return originalIds.get(t.id) ?? t.id;
}

/** A handle on `t`'s data that survives the caller's dispose and tidy, known by `t`'s id. */
export function keepForTape<T extends Tensor>(t: T): T {
  const kept = retain(t);
  originalIds.set(kept.id, canonicalId(t));
  return kept;
}

/** Frees a handle made by `keepForTape`. */
export function releaseFromTape(kept: Tensor): void {
  originalIds.delete(kept.id);
  kept.dispose();
}

let suspended = 0;

/** True while `withoutRecording` runs: tapes ignore ops then. */
export function recordingSuspended(): boolean {
  return suspended > 0;
}

/**
 * Runs `fn` unseen by every tape: the forward pass of a customGradient, whose gradient is the
 * user's function rather than the gradients of the ops it ran.
 */
export function withoutRecording<T>(fn: () => T): T {
  suspended++;
  try {
    return fn();
  } finally {
    suspended--;
  }
}
