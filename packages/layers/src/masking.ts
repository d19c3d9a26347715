import type { Tensor } from '@strata/tensor';

/**
 * Keras attaches `_keras_mask` to tensors; Strata keeps masks beside them, weakly, so a mask lives
 * exactly as long as the tensor it describes. Embedding(maskZero) sets one, RNNs and attention read it.
 */
const masks = new WeakMap<Tensor, Tensor>();

export function maskOf(t: Tensor): Tensor | null {
  const m = masks.get(t);
  return m && !m.isDisposed ? m : null;
}

export function setMask(t: Tensor, mask: Tensor | null): void {
  if (mask) masks.set(t, mask);
  else masks.delete(t);
}
